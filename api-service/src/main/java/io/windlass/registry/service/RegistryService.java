package io.windlass.registry.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ConflictException;
import io.windlass.context.RequestContext;
import io.windlass.registry.RegistryPasswordCipher;
import io.windlass.registry.persistence.RegistryRecord;
import io.windlass.registry.persistence.RegistryRepository;
import io.windlass.registry.policy.RegistryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Zun's private registries ({@code /v1/registries}): policy, the row, the password sealed before it is stored
 * ({@link RegistryPasswordCipher}). Nothing here logs or returns a password.
 */
@ApplicationScoped
public class RegistryService {
    private static final Logger LOG = Logger.getLogger(RegistryService.class);

    private final RegistryRepository repository;
    private final RegistryLookup lookup;
    private final RegistryPolicy policy;
    private final RegistryPasswordCipher cipher;

    public RegistryService(RegistryRepository repository, RegistryLookup lookup, RegistryPolicy policy,
                           RegistryPasswordCipher cipher) {
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.cipher = cipher;
    }

    public RegistryRecord create(RequestContext caller, NewRegistry asked) {
        policy.authorize(RegistryPolicy.CREATE, caller, caller.projectId());
        UUID uuid = UUID.randomUUID();
        RegistryRecord made = QuarkusTransaction.requiringNew().call(() -> {
            repository.insert(uuid, caller.projectId(), caller.userId(), asked.name(), asked.domain(),
                    asked.username(), cipher.seal(uuid, asked.password()));
            return repository.findByUuid(uuid).orElseThrow();
        });
        LOG.infof("registry %s (%s) created for domain %s", uuid, asked.name(), asked.domain());
        return made;
    }

    public RegistryRecord show(RequestContext caller, String ident) {
        RegistryRecord found = lookup.resolve(caller, ident, false, null);
        policy.authorize(RegistryPolicy.GET_ONE, caller, found.projectId());
        return found;
    }

    /** One page of the caller's registries (every project's with {@code allProjects}), Zun's filters checked by policy. */
    public List<RegistryRecord> list(RequestContext caller, boolean allProjects, Map<String, String> filters,
                                     String sortKey, boolean ascending, UUID marker, int limit) {
        policy.authorize(RegistryPolicy.GET_ALL, caller, caller.projectId());
        if (allProjects) {
            policy.authorize(RegistryPolicy.GET_ALL_ALL_PROJECTS, caller, caller.projectId());
        }
        filters.keySet().forEach(f -> policy.authorize(RegistryPolicy.GET_ONE_FIELD + f, caller, caller.projectId()));
        Long markerId = null;
        if (marker != null) {
            // Zun's get_by_uuid of the marker: a marker the caller cannot see is not found
            markerId = lookup.resolve(caller, marker.toString(), allProjects, null).id();
        }
        Long after = markerId;
        return QuarkusTransaction.requiringNew().call(() -> repository.page(allProjects ? null : caller.projectId(),
                filters, sortKey, ascending, after, limit));
    }

    public RegistryRecord update(RequestContext caller, String ident, NewRegistry change) {
        RegistryRecord found = lookup.resolve(caller, ident, false, null);
        policy.authorize(RegistryPolicy.UPDATE, caller, found.projectId());
        Map<String, String> columns = new LinkedHashMap<>();
        if (change.name() != null) {
            columns.put("name", change.name());
        }
        if (change.domain() != null) {
            columns.put("domain", change.domain());
        }
        if (change.username() != null) {
            columns.put("username", change.username());
        }
        if (change.password() != null) {
            columns.put("password", cipher.seal(found.uuid(), change.password()));
        }
        RegistryRecord updated = QuarkusTransaction.requiringNew().call(() -> {
            repository.lock(found.uuid(), false).orElseThrow(() -> lookup.notFound(ident));
            repository.update(found.uuid(), columns);
            return repository.findByUuid(found.uuid()).orElseThrow();
        });
        LOG.infof("registry %s updated (%s)", found.uuid(), String.join(", ", columns.keySet()));
        return updated;
    }

    /** Zun's 409 while a container pulls from it: the container row names it until the container is gone. */
    public void delete(RequestContext caller, String ident) {
        RegistryRecord found = lookup.resolve(caller, ident, false, null);
        policy.authorize(RegistryPolicy.DELETE, caller, found.projectId());
        QuarkusTransaction.requiringNew().run(() -> {
            repository.lock(found.uuid(), false).orElseThrow(() -> lookup.notFound(ident));
            if (repository.inUse(found.uuid())) {
                throw new ConflictException("Conflict", "Failed to delete registry " + found.uuid()
                        + " since it is in use.");
            }
            repository.delete(found.uuid());
        });
        LOG.infof("registry %s deleted", found.uuid());
    }

    /**
     * The registry a new container pulls from (its {@code registry}, uuid or name, as Zun's {@code get_registry}
     * finds it), locked for share in the create's transaction: a delete waits for the container and then sees it.
     */
    public RegistryRecord forContainer(RequestContext caller, String ident) {
        RegistryRecord found = lookup.resolve(caller, ident, false, null);
        return repository.lock(found.uuid(), true).orElseThrow(() -> lookup.notFound(ident));
    }
}

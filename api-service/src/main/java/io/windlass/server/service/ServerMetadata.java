package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.context.RequestContext;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Nova's {@code /servers/{id}/metadata} ({@code server_metadata.py}, {@code compute/api.py}): a
 * server's key/value pairs read, merged, replaced, set one at a time and deleted. Changes are
 * refused while the server is locked (but not to admins), busy or in a state Nova refuses them in,
 * and beyond the project's {@code metadata_items} quota. The host is not told: the pairs it was
 * given at spawn (the config drive) stay as they were, as with Nova's config drive.
 */
@ApplicationScoped
public class ServerMetadata {

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final QuotaEnforcer quotas;

    public ServerMetadata(ServerRepository repository, ServerLookup lookup, QuotaEnforcer quotas) {
        this.repository = repository;
        this.lookup = lookup;
        this.quotas = quotas;
    }

    public Map<String, String> index(RequestContext caller, String id) {
        return new TreeMap<>(lookup.authorized(caller, id, ServerPolicy.METADATA_INDEX).metadata);
    }

    /** @return the one pair */
    public Map<String, String> show(RequestContext caller, String id, String key) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.METADATA_SHOW);
        String value = server.metadata.get(key);
        if (value == null) {
            throw notFound();
        }
        return Map.of(key, value);
    }

    /** POST: the given pairs added or changed, the others kept; the whole metadata after. */
    public Map<String, String> merge(RequestContext caller, String id, Map<String, String> given) {
        return change(caller, id, ServerPolicy.METADATA_CREATE, "update metadata", current -> {
            Map<String, String> merged = new TreeMap<>(current);
            merged.putAll(given);
            return merged;
        });
    }

    /** PUT: exactly the given pairs. */
    public Map<String, String> replace(RequestContext caller, String id, Map<String, String> given) {
        return change(caller, id, ServerPolicy.METADATA_UPDATE_ALL, "update metadata", current -> new TreeMap<>(given));
    }

    /** PUT of one key: the body's one pair must be that key (Nova's "Request body and URI mismatch"). */
    public void set(RequestContext caller, String id, String key, String value) {
        change(caller, id, ServerPolicy.METADATA_UPDATE, "update metadata", current -> {
            Map<String, String> changed = new TreeMap<>(current);
            changed.put(key, value);
            return changed;
        });
    }

    public void delete(RequestContext caller, String id, String key) {
        change(caller, id, ServerPolicy.METADATA_DELETE, "delete metadata", current -> {
            if (!current.containsKey(key)) {
                throw notFound();
            }
            Map<String, String> changed = new TreeMap<>(current);
            changed.remove(key);
            return changed;
        });
    }

    private Map<String, String> change(RequestContext caller, String id, String rule, String method,
                                       UnaryOperator<Map<String, String>> how) {
        ServerEntity found = lookup.authorized(caller, id, rule);
        return QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            ServerLocks.requireUnlocked(s, caller);
            if (s.taskState != null) {
                throw ServerActionRules.invalidState(s, method, "task_state", s.taskState.value());
            }
            if (!ServerActionRules.DESCRIBABLE.contains(s.vmState)) {
                throw ServerActionRules.invalidState(s, method, "vm_state", s.vmState.value());
            }
            Map<String, String> changed = how.apply(s.metadata);
            quotas.checkServerContents(s.projectId, changed.size(), List.of());
            s.metadata = Map.copyOf(changed);
            return new TreeMap<>(changed);
        });
    }


    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("NotFound", "Metadata item was not found");
    }
}

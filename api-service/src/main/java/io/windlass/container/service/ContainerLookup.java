package io.windlass.container.service;

import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerRepository;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves a {@code {container_ident}}: a uuid or a name. Non-admins see their own
 * project only; admins search every project (as Zun does for lookups by ident).
 */
@ApplicationScoped
public class ContainerLookup {
    private final ContainerRepository repository;
    private final ContainerPolicy policy;

    public ContainerLookup(ContainerRepository repository, ContainerPolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    /**
     * @param allProjects     the caller asked to look beyond its project
     * @param allProjectsRule the policy rule that must allow that
     */
    public ContainerEntity resolve(RequestContext caller, String ident, boolean allProjects, String allProjectsRule) {
        if (allProjects) {
            policy.authorize(allProjectsRule, caller, caller.projectId());
        }
        String scope = caller.isAdmin() || allProjects ? null : caller.projectId();
        Optional<UUID> uuid = asUuid(ident);
        if (uuid.isPresent()) {
            return repository.findByUuid(uuid.get())
                    .filter(c -> scope == null || scope.equals(c.projectId))
                    .orElseThrow(() -> notFound(ident));
        }
        List<ContainerEntity> named = repository.findByName(ident, scope);
        if (named.isEmpty()) {
            throw notFound(ident);
        }
        if (named.size() > 1) {
            throw new ConflictException("Conflict",
                    "Multiple containers exist with same name. Please use the container uuid instead.");
        }
        return named.getFirst();
    }

    public static ResourceNotFoundException notFound(String ident) {
        return new ResourceNotFoundException("ContainerNotFound", "Container " + ident + " could not be found.");
    }

    static Optional<UUID> asUuid(String ident) {
        if (ident.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ident));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

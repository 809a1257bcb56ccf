package io.windlass.capsule.service;

import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.persistence.CapsuleRepository;
import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves a {@code {capsule_ident}}: a uuid or a name. Non-admins see their own project only;
 * admins search every project, as Zun does for lookups by ident.
 */
@ApplicationScoped
public class CapsuleLookup {
    private final CapsuleRepository repository;
    private final CapsulePolicy policy;

    public CapsuleLookup(CapsuleRepository repository, CapsulePolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    public CapsuleEntity resolve(RequestContext caller, String ident, boolean allProjects, String allProjectsRule) {
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
        List<CapsuleEntity> named = repository.findByName(ident, scope);
        if (named.isEmpty()) {
            throw notFound(ident);
        }
        if (named.size() > 1) {
            throw new ConflictException("Conflict",
                    "Multiple capsules exist with same name. Please use the capsule uuid instead.");
        }
        return named.getFirst();
    }

    public static ResourceNotFoundException notFound(String ident) {
        return new ResourceNotFoundException("CapsuleNotFound", "Capsule " + ident + " could not be found.");
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

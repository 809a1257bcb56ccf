package io.windlass.capsule.service;

import io.windlass.api.lookup.ZunIdentLookup;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.persistence.CapsuleRepository;
import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Resolves a {@code {capsule_ident}} (uuid or name) by Zun's rule, see {@link ZunIdentLookup}. */
@ApplicationScoped
public class CapsuleLookup extends ZunIdentLookup<CapsuleEntity> {
    private final CapsuleRepository repository;
    private final CapsulePolicy policy;

    public CapsuleLookup(CapsuleRepository repository, CapsulePolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    @Override
    protected String kind() {
        return "Capsule";
    }

    @Override
    protected Optional<CapsuleEntity> findByUuid(UUID uuid) {
        return repository.findByUuid(uuid);
    }

    @Override
    protected List<CapsuleEntity> findByName(String name, String projectId) {
        return repository.findByName(name, projectId);
    }

    @Override
    protected String projectOf(CapsuleEntity resource) {
        return resource.projectId;
    }

    @Override
    protected void authorizeAllProjects(String rule, RequestContext caller) {
        policy.authorize(rule, caller, caller.projectId());
    }
}

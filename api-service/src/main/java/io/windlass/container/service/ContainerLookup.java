package io.windlass.container.service;

import io.windlass.api.lookup.ZunIdentLookup;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerRepository;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Resolves a {@code {container_ident}} (uuid or name) by Zun's rule, see {@link ZunIdentLookup}. */
@ApplicationScoped
public class ContainerLookup extends ZunIdentLookup<ContainerEntity> {
    private final ContainerRepository repository;
    private final ContainerPolicy policy;

    public ContainerLookup(ContainerRepository repository, ContainerPolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    @Override
    protected String kind() {
        return "Container";
    }

    @Override
    protected Optional<ContainerEntity> findByUuid(UUID uuid) {
        return repository.findByUuid(uuid);
    }

    @Override
    protected List<ContainerEntity> findByName(String name, String projectId) {
        return repository.findByName(name, projectId);
    }

    @Override
    protected String projectOf(ContainerEntity resource) {
        return resource.projectId;
    }

    @Override
    protected void authorizeAllProjects(String rule, RequestContext caller) {
        policy.authorize(rule, caller, caller.projectId());
    }
}

package io.windlass.registry.service;

import io.windlass.api.lookup.ZunIdentLookup;
import io.windlass.context.RequestContext;
import io.windlass.registry.persistence.RegistryRecord;
import io.windlass.registry.persistence.RegistryRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves a {@code {registry_ident}} or a container's {@code registry} (uuid or name) as Zun's
 * {@code get_registry} does: admins search every project, others their own; a name several have is 409.
 */
@ApplicationScoped
public class RegistryLookup extends ZunIdentLookup<RegistryRecord> {
    private final RegistryRepository repository;

    public RegistryLookup(RegistryRepository repository) {
        this.repository = repository;
    }

    @Override
    protected String kind() {
        return "Registry";
    }

    @Override
    protected String plural() {
        return "registries";
    }

    @Override
    protected Optional<RegistryRecord> findByUuid(UUID uuid) {
        return repository.findByUuid(uuid);
    }

    @Override
    protected List<RegistryRecord> findByName(String name, String projectId) {
        return repository.findByName(name, projectId);
    }

    @Override
    protected String projectOf(RegistryRecord resource) {
        return resource.projectId();
    }

    @Override
    protected void authorizeAllProjects(String rule, RequestContext caller) {
        // Zun's registry lookups have no all_projects parameter: only admins look beyond their project
    }
}

package io.windlass.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.windlass.identity.config.IdentityBootstrapDefaults;
import io.windlass.identity.config.IdentityConfig;
import io.windlass.identity.persistence.DomainEntity;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.ProjectEntity;
import io.windlass.identity.persistence.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the admin project and user on first start (like {@code keystone-manage bootstrap}).
 * An existing admin is left alone: the configured password only seeds a new one.
 */
@ApplicationScoped
public class IdentityBootstrap {
    private static final Logger LOG = Logger.getLogger(IdentityBootstrap.class);

    private final IdentityRepository repository;
    private final PasswordHasher hasher;
    private final IdentityConfig.Bootstrap bootstrap;

    public IdentityBootstrap(IdentityRepository repository, PasswordHasher hasher, IdentityConfig config) {
        this.repository = repository;
        this.hasher = hasher;
        this.bootstrap = config.bootstrap();
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureAdmin);
    }

    private void ensureAdmin() {
        ProjectEntity project = repository.projectByName(DomainEntity.DEFAULT_ID, bootstrap.adminProject())
                .orElseGet(() -> {
                    ProjectEntity p = new ProjectEntity();
                    p.id = IdentityIds.newId();
                    p.name = bootstrap.adminProject();
                    p.domainId = DomainEntity.DEFAULT_ID;
                    p.description = "Bootstrap project for initializing the cloud.";
                    p.persist();
                    return p;
                });
        if (repository.userByName(DomainEntity.DEFAULT_ID, bootstrap.adminUser()).isPresent()) {
            return;
        }
        if (IdentityBootstrapDefaults.DEV_PASSWORD.equals(bootstrap.adminPassword())) {
            LOG.warnf("creating admin user '%s' with the built-in development password: set "
                    + "windlass.identity.bootstrap.admin-password for anything but development", bootstrap.adminUser());
        }
        UserEntity admin = new UserEntity();
        admin.id = IdentityIds.newId();
        admin.name = bootstrap.adminUser();
        admin.domainId = DomainEntity.DEFAULT_ID;
        admin.passwordHash = hasher.hash(bootstrap.adminPassword());
        admin.defaultProjectId = project.id;
        admin.persist();
        String adminRole = repository.roleByName("admin").orElseThrow().id;
        repository.assign(admin.id, project.id, adminRole);
        LOG.infof("bootstrapped admin user %s (%s) with role admin on project %s (%s)",
                admin.name, admin.id, project.name, project.id);
    }
}

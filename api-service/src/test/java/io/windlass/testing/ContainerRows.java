package io.windlass.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.container.ContainerStatus;
import io.windlass.container.RestartPolicy;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Puts containers into given states directly in the database, as the conductor would have. */
@ApplicationScoped
public class ContainerRows {
    private final ContainerRepository repository;

    public ContainerRows(ContainerRepository repository) {
        this.repository = repository;
    }

    public ContainerEntity insert(String name, ContainerStatus status, String host) {
        return insert(name, status, host, c -> { });
    }

    public ContainerEntity insert(String name, ContainerStatus status, String host, Consumer<ContainerEntity> tweak) {
        ContainerEntity c = new ContainerEntity();
        c.uuid = UUID.randomUUID();
        c.name = name;
        c.projectId = "default";
        c.userId = "admin";
        c.image = "busybox";
        c.imageDriver = "docker";
        c.cpu = 1.0;
        c.memory = 512;
        c.restartPolicy = RestartPolicy.NO;
        c.status = status;
        c.host = host;
        tweak.accept(c);
        QuarkusTransaction.requiringNew().run(() -> repository.persist(c));
        return c;
    }

    public Optional<ContainerEntity> find(UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByUuid(uuid));
    }

    /** Changes a row through the api-service's mapping (held to what the api-service may write). */
    public void update(UUID uuid, Consumer<ContainerEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(repository.findByUuid(uuid).orElseThrow()));
    }

    /** Writes columns the conductor owns, as it would ({@code assignments} is trusted test SQL). */
    public void writeAsConductor(UUID uuid, String assignments) {
        QuarkusTransaction.requiringNew().run(() -> repository.getEntityManager()
                .createNativeQuery("UPDATE containers SET " + assignments + " WHERE uuid = :uuid")
                .setParameter("uuid", uuid).executeUpdate());
    }

    public long count() {
        return QuarkusTransaction.requiringNew().call(repository::count);
    }

    public void deleteAll() {
        QuarkusTransaction.requiringNew().run(repository::deleteAll);
    }
}

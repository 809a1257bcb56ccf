package io.windlass.conductor.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.workload.WorkloadRows;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Test access to workload rows through the shared mapping, each call in a transaction of its own. */
@ApplicationScoped
public class EntityRows {
    private final WorkloadRows rows;

    public EntityRows(WorkloadRows rows) {
        this.rows = rows;
    }

    public <E extends WorkloadEntity> E get(Class<E> type, UUID uuid) {
        return find(type, uuid).orElseThrow();
    }

    public <E extends WorkloadEntity> Optional<E> find(Class<E> type, UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> rows.find(type, uuid));
    }

    /** Changes the locked row (as the conductor: columns it does not own are refused). */
    public <E extends WorkloadEntity> void change(Class<E> type, UUID uuid, Consumer<E> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(rows.lock(type, uuid).orElseThrow()));
    }
}

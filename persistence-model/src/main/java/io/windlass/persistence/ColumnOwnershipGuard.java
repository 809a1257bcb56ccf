package io.windlass.persistence;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.CallbackException;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every service to the {@link WrittenBy} contract of the shared tables: an update that
 * changes a column its service does not own fails before it reaches PostgreSQL, and only the
 * api-service inserts workload rows. Both services lock a row before changing it, so the
 * contract is what keeps one from overwriting what the other owns with a stale value.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ColumnOwnershipGuard implements Interceptor {
    private final Optional<Writer> writer;
    private final Map<Class<?>, ColumnOwnership> contracts = new ConcurrentHashMap<>();

    public ColumnOwnershipGuard(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.writer = Writer.ofApplication(applicationName);
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        ColumnOwnership contract = contract(entity);
        if (contract != null) {
            List<String> broken = contract.violations(writerOr(entity), propertyNames, currentState, previousState);
            if (!broken.isEmpty()) {
                throw new CallbackException(writerOr(entity).applicationName() + " may not write " + broken);
            }
        }
        return false;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        if (contract(entity) != null && writerOr(entity) != Writer.API) {
            throw new CallbackException(writerOr(entity).applicationName() + " may not insert "
                    + entity.getClass().getSimpleName() + " rows; the api-service does");
        }
        return false;
    }

    /** Null for tables outside the contract (only one service writes them). */
    private ColumnOwnership contract(Object entity) {
        if (!(entity instanceof WorkloadEntity)) {
            return null;
        }
        return contracts.computeIfAbsent(entity.getClass(), ColumnOwnership::of);
    }

    private Writer writerOr(Object entity) {
        return writer.orElseThrow(() -> new CallbackException("this service writes no "
                + entity.getClass().getSimpleName() + " rows"));
    }
}

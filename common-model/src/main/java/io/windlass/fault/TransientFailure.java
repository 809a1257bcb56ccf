package io.windlass.fault;

import com.rabbitmq.client.ShutdownSignalException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the failures that go away by themselves: the database restarting, failing over or
 * refusing connections for a moment, a Docker engine restarting (its socket gone or refusing). Work that meets one is worth doing again a little later
 * (an RPC message is delivered again, a request is answered 503 with {@code Retry-After}); it is
 * not a bug, so it is logged without a stack trace and never fails a workload.
 * <p>
 * The database is recognised by SQLSTATE, which every layer (Hibernate, Agroal, the driver)
 * keeps in the cause chain: class 08 (connection exception) and 57P01-57P03 (the server is shutting
 * down or not yet accepting connections); the rest by a {@link SocketException} or a closed broker
 * connection ({@link ShutdownSignalException}) anywhere in the chain, or an exception that says it is
 * {@link Transient}.
 */
public final class TransientFailure {
    private TransientFailure() {
    }

    /**
     * What went away, in words fit for a log line or a client, if {@code failure} is transient. The
     * causes and the suppressed exceptions are searched: a commit that fails because the database
     * went away shows the driver's exception only as a suppressed one of the rollback.
     */
    public static Optional<String> of(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            Optional<String> reason = reasonOf(t);
            if (reason.isPresent()) {
                return reason;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return Optional.empty();
    }

    private static Optional<String> reasonOf(Throwable t) {
        if (t instanceof Transient) {
            return Optional.of(t.getMessage());
        }
        if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
            return Optional.of("the database is unavailable (SQLSTATE " + sql.getSQLState() + ")");
        }
        if (t instanceof SQLTransientException) {
            return Optional.of("the database is unavailable (" + t.getClass().getSimpleName() + ")");
        }
        if (t instanceof ShutdownSignalException) {
            return Optional.of("the broker connection closed (" + t.getMessage() + ")");
        }
        if (t instanceof SocketException) {
            return Optional.of("a service or the engine is unreachable (" + t.getMessage() + ")");
        }
        return Optional.empty();
    }

    static boolean isTransientState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}

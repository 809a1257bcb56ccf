package io.windlass.fault;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * Recognises the failures that go away by themselves: the database restarting, failing over or
 * refusing connections for a moment, a Docker engine restarting (its socket gone or refusing). Work that meets one is worth doing again a little later
 * (an RPC message is delivered again, a request is answered 503 with {@code Retry-After}); it is
 * not a bug, so it is logged without a stack trace and never fails a workload.
 * <p>
 * The database is recognised by SQLSTATE, which every layer (Hibernate, Agroal, the driver)
 * keeps in the cause chain: class 08 (connection exception) and 57P01-57P03 (the server is shutting
 * down or not yet accepting connections); the rest by a {@link SocketException} anywhere in the chain,
 * or an exception that says it is {@link Transient}.
 */
public final class TransientFailure {
    private TransientFailure() {
    }

    /** What went away, in words fit for a log line or a client, if {@code failure} is transient. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Transient) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return Optional.of("the database is unavailable (SQLSTATE " + sql.getSQLState() + ")");
            }
            if (t instanceof SQLTransientException) {
                return Optional.of("the database is unavailable (" + t.getClass().getSimpleName() + ")");
            }
            if (t instanceof SocketException) {
                return Optional.of("a service or the engine is unreachable (" + t.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    static boolean isTransientState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}

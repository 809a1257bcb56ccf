package io.windlass.fault;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailureTest {

    @Test
    void aLostConnectionDeepInTheCauseChainIsTransient() {
        // as Hibernate wraps what the driver throws when the server restarts under it
        var driver = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        var hibernate = new RuntimeException("JDBC exception executing SQL [select ...]", driver);
        assertEquals("the database is unavailable (SQLSTATE 08006)",
                TransientFailure.of(new IllegalStateException("build failed", hibernate)).orElseThrow());
    }

    @Test
    void aServerShuttingDownOrStartingIsTransient() {
        assertTrue(TransientFailure.of(new SQLException("terminating connection due to administrator command",
                "57P01")).isPresent());
        assertTrue(TransientFailure.of(new SQLException("the database system is starting up", "57P03")).isPresent());
        assertTrue(TransientFailure.of(new SQLTransientConnectionException("Acquisition timeout")).isPresent());
        assertTrue(TransientFailure.of(new ConnectException("Connection refused")).isPresent());
        // docker-java on a unix socket whose engine is restarting
        assertTrue(TransientFailure.of(new RuntimeException("Docker inspect failed",
                new java.net.SocketException("No such file or directory"))).isPresent());
    }

    @Test
    void aCommitCutOffByARestartIsTransient() {
        // Narayana's RollbackException carries the driver's failure only as a suppressed exception
        var rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new RuntimeException("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertEquals("the database is unavailable (SQLSTATE 57P01)",
                TransientFailure.of(new RuntimeException(rollback)).orElseThrow());
    }

    @Test
    void aClosedBrokerConnectionIsTransient() {
        assertTrue(TransientFailure.of(new com.rabbitmq.client.AlreadyClosedException(
                new com.rabbitmq.client.ShutdownSignalException(true, false, null, null))).isPresent());
    }

    @Test
    void anExceptionThatSaysSoIsTransient() {
        class EngineGone extends RuntimeException implements Transient {
            EngineGone() {
                super("the engine does not answer");
            }
        }
        assertEquals("the engine does not answer",
                TransientFailure.of(new IllegalStateException("create failed", new EngineGone())).orElseThrow());
    }

    @Test
    void bugsAndBadDataAreNot() {
        assertTrue(TransientFailure.of(new SQLException("duplicate key", "23505")).isEmpty());
        assertTrue(TransientFailure.of(new SQLException("no state")).isEmpty());
        assertTrue(TransientFailure.of(new NullPointerException()).isEmpty());
    }
}

package io.windlass.rpc;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The AMQP client's handler, except that losing the broker is a warning: mid-write (a restart, a
 * cut link), and in the recovery attempts while it is still away or starting. The connection
 * recovers by itself (every {@code network-recovery-interval}) and every unsettled delivery comes
 * again, so an ERROR with a stack trace would send an operator after a fault that has already
 * healed. A recovery the broker refuses for its credentials stays an ERROR: it never heals alone.
 */
final class BrokerLossLogging extends ForgivingExceptionHandler {
    private static final Logger LOG = Logger.getLogger(BrokerLossLogging.class);

    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable cause) {
        LOG.warnf("broker connection %s lost (%s); it recovers by itself", connection.getClientProvidedName(),
                cause.toString());
    }

    @Override
    public void handleConnectionRecoveryException(Connection connection, Throwable cause) {
        if (!brokerStillAway(cause)) {
            super.handleConnectionRecoveryException(connection, cause);
            return;
        }
        // the client's own handler logs an ERROR for anything but a refused connection, also when a
        // starting broker accepts the socket and drops it during the handshake (fault suite, broker round)
        LOG.warnf("broker connection %s not recovered yet (%s); trying again", connection.getClientProvidedName(),
                cause.toString());
    }

    /** A failed recovery attempt that the next one may get past: the broker is not (fully) back yet. */
    static boolean brokerStillAway(Throwable cause) {
        return !(cause instanceof PossibleAuthenticationFailureException)
                && (cause instanceof IOException || cause instanceof TimeoutException);
    }
}

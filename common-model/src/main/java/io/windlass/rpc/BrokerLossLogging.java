package io.windlass.rpc;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.jboss.logging.Logger;

/**
 * The AMQP client's handler, except that losing the broker mid-write (a restart, a cut link) is a
 * warning: the connection recovers by itself and every unsettled delivery comes again, so an
 * ERROR with a stack trace would send an operator after a fault that has already healed.
 */
final class BrokerLossLogging extends ForgivingExceptionHandler {
    private static final Logger LOG = Logger.getLogger(BrokerLossLogging.class);

    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable cause) {
        LOG.warnf("broker connection %s lost (%s); it recovers by itself", connection.getClientProvidedName(),
                cause.toString());
    }
}

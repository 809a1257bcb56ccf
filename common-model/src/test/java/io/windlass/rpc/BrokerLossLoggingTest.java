package io.windlass.rpc;

import com.rabbitmq.client.AuthenticationFailureException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerLossLoggingTest {
    @Test
    void aBrokerThatIsAwayOrStillStartingIsWaitedFor() {
        assertTrue(BrokerLossLogging.brokerStillAway(new ConnectException("Connection refused")));
        // a starting broker accepts the socket and drops it during the handshake
        assertTrue(BrokerLossLogging.brokerStillAway(new IOException(new EOFException())));
        assertTrue(BrokerLossLogging.brokerStillAway(new SocketException("Connection reset")));
        assertTrue(BrokerLossLogging.brokerStillAway(new TimeoutException("handshake")));
    }

    @Test
    void refusedCredentialsAndAnythingElseStayErrors() {
        assertFalse(BrokerLossLogging.brokerStillAway(new AuthenticationFailureException("ACCESS_REFUSED")));
        assertFalse(BrokerLossLogging.brokerStillAway(new IllegalStateException("topology recovery failed")));
    }
}

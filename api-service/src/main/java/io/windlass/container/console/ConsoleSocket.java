package io.windlass.container.console;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import io.windlass.console.ConsoleStream;
import io.windlass.container.OpenConsole;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * The terminal of an interactive exec or an attach, as python-zunclient's websocket client speaks
 * to Zun's proxy: what the client sends (binary frames; text is taken as its UTF-8 bytes) is the
 * process's stdin, what the process prints comes back as binary frames. One instance per
 * connection; the token was checked at the upgrade ({@link ConsoleUpgradeCheck}). The session ends
 * with the websocket, and the websocket with the session (the process exited, the host went, idle).
 */
@WebSocket(path = ConsoleSocket.PATH, endpointId = ConsoleSocket.ENDPOINT)
public class ConsoleSocket {
    /** Where the websocket is served, under the container API's prefix. */
    public static final String PATH = "/container/v1/console";
    static final String ENDPOINT = "windlass-console";
    private static final Logger LOG = Logger.getLogger(ConsoleSocket.class);
    /** The host or the relay failed (RFC 6455 1011). */
    private static final int SERVER_ERROR = 1011;
    /** RFC 6455 1008. */
    private static final int POLICY_VIOLATION = 1008;

    private final ConsoleRelay relay;
    private volatile ConsoleStream stream;

    public ConsoleSocket(ConsoleRelay relay) {
        this.relay = relay;
    }

    @OnOpen
    void open(WebSocketConnection ws) {
        ConsoleTicket t = ws.userData().get(ConsoleUpgradeCheck.TICKET);
        if (t == null) {
            // only an upgrade the check let through has a ticket; nothing else is relayed
            ws.close(new CloseReason(POLICY_VIOLATION, "No valid token.")).subscribe().with(ok -> { }, f -> { });
            return;
        }
        try {
            stream = relay.open(t.caller(), t.host(), (session, idle) -> new OpenConsole(session, t.containerUuid(),
                    t.kind(), t.execId(), null, idle), true, new ToClient(ws));
            LOG.infof("console (%s) of container %s open for %s", t.kind(), t.containerUuid(), ws.handshakeRequest()
                    .remoteAddress());
        } catch (RpcException e) {
            LOG.infof("console (%s) of container %s not opened: %s", t.kind(), t.containerUuid(), e.getMessage());
            ws.close(new CloseReason(SERVER_ERROR, "The console could not be opened: " + e.getMessage()))
                    .subscribe().with(ok -> { }, failure -> { });
        }
    }

    @OnBinaryMessage
    void binary(Buffer data) {
        send(data.getBytes());
    }

    @OnTextMessage
    void text(String data) {
        send(data.getBytes(StandardCharsets.UTF_8));
    }

    @OnClose
    void closed() {
        ConsoleStream s = stream;
        if (s != null) {
            s.end("the client closed the websocket");
        }
    }

    private void send(byte[] bytes) {
        ConsoleStream s = stream;
        if (s != null) {
            s.send(bytes);
        }
    }

    /** The host's bytes to the client, in order; the session's end closes the websocket. */
    private record ToClient(WebSocketConnection ws) implements ConsoleStream.Listener {
        @Override
        public void onData(byte[] data) {
            // not awaited: the broker's consumer thread is shared by every session of this process
            ws.sendBinary(data).subscribe().with(ok -> { }, failure -> LOG.debugf("console write: %s",
                    failure.getMessage()));
        }

        @Override
        public void onEnd(String reason) {
            if (ws.isOpen()) {
                ws.close(new CloseReason(CloseReason.NORMAL.getCode(), truncated(reason)))
                        .subscribe().with(ok -> { }, failure -> { });
            }
        }

        /** A close frame's reason is at most 123 bytes. */
        private static String truncated(String reason) {
            return reason.length() > 100 ? reason.substring(0, 100) : reason;
        }
    }
}

package io.windlass.container.console;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.console.ConsoleQueues;
import io.windlass.console.ConsoleStream;
import io.windlass.console.cdi.ConsoleConfig;
import io.windlass.console.cdi.ConsoleTimer;
import io.windlass.container.OpenConsole;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;

/**
 * The api-service's end of console sessions: its queue declared and consumed first, then the
 * container's host asked to open its end ({@code compute.open_console}), then the host's end
 * watched. Nothing of the session touches the engine here: the host is the only one that does.
 */
@ApplicationScoped
public class ConsoleRelay {
    private final RpcConnection connection;
    private final ComputeRpcApi compute;
    private final ConsoleConfig config;
    private final ConsoleTimer timer;

    public ConsoleRelay(RpcConnection connection, ComputeRpcApi compute, ConsoleConfig config, ConsoleTimer timer) {
        this.connection = connection;
        this.compute = compute;
        this.config = config;
        this.timer = timer;
    }

    /** What the host is asked to open, but for the session id this relay chooses. */
    public interface Request {
        OpenConsole withSession(String session, long idleTimeoutSeconds);
    }

    /**
     * Opens a session; {@code listener} hears the host's bytes and the end.
     *
     * @param idles whether the session ends when idle (a terminal does, a followed log does not)
     * @throws RpcException when the host refused or did not answer (the session is over then)
     */
    public ConsoleStream open(RequestContext caller, String host, Request request, boolean idles,
                              ConsoleStream.Listener listener) {
        String session = UUID.randomUUID().toString();
        Duration idle = idles ? config.idleTimeout() : Duration.ZERO;
        ConsoleStream stream = ConsoleStream.apiEnd(connection, ConsoleQueues.of(connection.settings(), host, session),
                listener, config.stream(idle), timer.executor());
        try {
            compute.openConsole(host, caller, request.withSession(session, idle.toSeconds()));
        } catch (RpcException e) {
            stream.end("the host did not open the console: " + e.getMessage());
            throw e;
        }
        stream.watch();
        return stream;
    }
}

package io.windlass.agent.console;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.container.ContainerAccess;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.console.ConsoleQueues;
import io.windlass.console.ConsoleStream;
import io.windlass.container.OpenConsole;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The host's console sessions (compute RPC 1.17): {@code open_console} starts a stream of a
 * container on the engine and relays it over the session's queues, {@code container_resize}
 * resizes the main process's terminal. A session ends when either side goes: the api-service's
 * end frame (its client went) closes the engine stream and ends an exec's process; the process's
 * exit or the log's end sends the end frame; the watch of {@link ConsoleStream} ends a session
 * whose api-service vanished or that stayed idle. {@link #closeAll} ends them at shutdown.
 */
public final class ContainerConsoles {
    private static final Logger LOG = Logger.getLogger(ContainerConsoles.class);

    private final String host;
    private final ConsoleDriver driver;
    private final RpcConnection connection;
    private final ScheduledExecutorService timer;
    private final Duration livenessInterval;
    private final Duration queueExpiry;
    private final Map<String, ConsoleStream> open = new ConcurrentHashMap<>();

    public ContainerConsoles(String host, ConsoleDriver driver, RpcConnection connection,
                             ScheduledExecutorService timer, Duration livenessInterval, Duration queueExpiry) {
        this.host = host;
        this.driver = driver;
        this.connection = connection;
        this.timer = timer;
        this.livenessInterval = livenessInterval;
        this.queueExpiry = queueExpiry;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.OPEN_CONSOLE, (ctx, r) -> ContainerAccess.answer("open_console", r.uuid(), () -> {
                    open(r);
                    return null;
                }))
                .on(ComputeRpcApi.CONTAINER_RESIZE, (ctx, r) -> ContainerAccess.answer("resize", r.uuid(), () -> {
                    driver.resizeTty(r);
                    return null;
                }));
    }

    /** Whether this host still relays the session. */
    public boolean isOpen(String session) {
        return open.containsKey(session);
    }

    void open(OpenConsole request) {
        if (open.containsKey(request.session())) {
            return; // a redelivered call: the session runs
        }
        ConsoleQueues queues = ConsoleQueues.of(connection.settings(), host, request.session());
        SessionLink link = new SessionLink(request.session());
        ConsoleStream stream;
        try {
            stream = ConsoleStream.agentEnd(connection, queues, link, new ConsoleStream.Settings(
                    Duration.ofSeconds(request.idleTimeoutSeconds()), livenessInterval, queueExpiry), timer);
        } catch (RpcException e) {
            throw new DriverException("Cannot open the console's queue: " + e.getMessage(), e);
        }
        link.stream = stream;
        open.put(request.session(), stream);
        try {
            link.console = driver.open(request, new ConsoleDriver.ConsoleOutput() {
                @Override
                public void write(byte[] bytes) {
                    stream.send(bytes);
                }

                @Override
                public void ended(String reason) {
                    stream.end(reason);
                }
            });
        } catch (RuntimeException e) {
            stream.end("the host could not start the console: " + e.getMessage());
            throw e;
        }
        if (!stream.isOpen()) {
            link.console.close(); // it ended before the engine stream was handed back
        }
        stream.watch();
        LOG.infof("console %s of container %s (%s) open", request.session(), request.uuid(), request.kind());
    }

    /** See {@link ConsoleDriver#endOrphans()}. */
    public int endOrphans() {
        return driver.endOrphans();
    }

    /** Ends every session (the agent stops): the api-services' ends are told. */
    public void closeAll() {
        open.values().forEach(s -> s.end("the compute host is shutting down"));
    }

    /** Joins a session's queue end to its engine stream, which exist one after the other. */
    private final class SessionLink implements ConsoleStream.Listener {
        final String session;
        volatile ConsoleStream stream;
        volatile ConsoleDriver.Console console;

        SessionLink(String session) {
            this.session = session;
        }

        @Override
        public void onData(byte[] data) {
            ConsoleDriver.Console c = console;
            if (c != null) {
                c.write(data);
            }
        }

        @Override
        public void onEnd(String reason) {
            open.remove(session);
            ConsoleDriver.Console c = console;
            if (c != null) {
                c.close();
            }
            LOG.infof("console %s ended: %s", session, reason);
        }
    }
}

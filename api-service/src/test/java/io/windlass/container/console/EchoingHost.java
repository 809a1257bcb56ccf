package io.windlass.container.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.console.ConsoleQueues;
import io.windlass.console.ConsoleStream;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerExec;
import io.windlass.container.ResizeContainerTty;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RpcTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A compute host stood in for at the RPC edge, with real console sessions over RabbitMQ: its end of
 * each session echoes what it is sent, ends the session when sent {@code exit}, and a followed log
 * sends the lines the test gives it. What it was asked is kept for the test.
 */
final class EchoingHost implements AutoCloseable {
    static final String EXEC_ID = "3c851c568fc9f21bdb77b7ba98eb1c6ae0c901f56dfb1471de4d6af7c73dbf4d";

    final List<OpenConsole> opened = new CopyOnWriteArrayList<>();
    final List<String> endedBecause = new CopyOnWriteArrayList<>();
    final List<ResizeContainerTty> resized = new CopyOnWriteArrayList<>();
    final List<ResizeContainerExec> execResized = new CopyOnWriteArrayList<>();
    final List<ConsoleStream> sessions = new CopyOnWriteArrayList<>();
    private final RpcServer server;
    private final RpcConnection connection;
    private final String host;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    EchoingHost(String host, RpcConnection connection, ObjectMapper json, List<String> logLines) {
        this.connection = connection;
        this.host = host;
        server = new RpcServer(connection, json);
        server.serve(new RpcEndpoint(RpcTopics.compute(host), ComputeRpcApi.VERSION)
                .on(ComputeRpcApi.CONTAINER_EXEC, (ctx, r) -> ContainerExecResult.created(EXEC_ID))
                .on(ComputeRpcApi.CONTAINER_EXEC_RESIZE, (ctx, r) -> {
                    execResized.add(r);
                    return null;
                })
                .on(ComputeRpcApi.CONTAINER_RESIZE, (ctx, r) -> {
                    resized.add(r);
                    return null;
                })
                .on(ComputeRpcApi.OPEN_CONSOLE, (ctx, r) -> {
                    Echo echo = new Echo();
                    echo.stream = ConsoleStream.agentEnd(connection, ConsoleQueues.of(connection.settings(), host,
                            r.session()), echo, new ConsoleStream.Settings(Duration.ZERO, Duration.ofSeconds(1),
                            Duration.ofSeconds(30)), timer);
                    sessions.add(echo.stream);
                    echo.stream.watch();
                    // only now, with its queue declared: a test that sees it opened may make it vanish
                    opened.add(r);
                    logLines.forEach(line -> echo.stream.send(line.getBytes(StandardCharsets.UTF_8)));
                    return null;
                }), 1);
    }

    private final class Echo implements ConsoleStream.Listener {
        volatile ConsoleStream stream;

        @Override
        public void onData(byte[] data) {
            String text = new String(data, StandardCharsets.UTF_8);
            if (text.equals("exit\n")) {
                stream.end("the process exited");
            } else {
                stream.send(data);
            }
        }

        @Override
        public void onEnd(String reason) {
            endedBecause.add(reason);
        }
    }

    /** Its session queues deleted, without a word to the api-service: a host whose connection died. */
    void vanish() throws Exception {
        try (var channel = connection.createClientChannel()) {
            for (OpenConsole o : opened) {
                channel.queueDelete(ConsoleQueues.of(connection.settings(), host, o.session()).toAgent());
            }
        }
    }

    @Override
    public void close() {
        sessions.forEach(s -> s.end("the test is over"));
        server.close();
        timer.shutdownNow();
    }
}

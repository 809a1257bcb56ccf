package io.windlass.agent.console;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.console.ConsoleQueues;
import io.windlass.console.ConsoleStream;
import io.windlass.console.cdi.ConsoleTimer;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerSpec;
import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerExec;
import io.windlass.container.ResizeContainerTty;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * compute RPC 1.17 as the api-service uses it: the test is the api-service's end of each session
 * (its queue, then {@code open_console} over the real RabbitMQ to this agent), and the agent
 * relays busybox processes of the real dockerd: a shell typed into, a terminal resized, a process
 * that exits, a client that goes, an attached main process and a followed log.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerConsolesIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "container-consoles-it";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ConsoleTimer timer;
    @Inject
    ContainerConsoles consoles;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private final String sleeper = UUID.randomUUID().toString();
    private final String interactive = UUID.randomUUID().toString();

    @BeforeAll
    void runContainers() {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeTestContainers();
        run(sleeper, false, "sleep", "600");
        run(interactive, true, "sh");
    }

    @AfterAll
    void cleanUp() throws IOException {
        removeTestContainers();
        docker.close();
    }

    private void run(String uuid, boolean tty, String... command) {
        String id = docker.createContainerCmd("busybox:latest").withName(ContainerSpec.engineName(uuid))
                .withCmd(command).withTty(tty).withStdinOpen(tty)
                .withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec().getId();
        docker.startContainerCmd(id).exec();
    }

    private void removeTestContainers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    /** The api-service's end of one session: what came back, and how it ended. */
    private final class ApiEnd implements ConsoleStream.Listener {
        final String session = UUID.randomUUID().toString();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CompletableFuture<String> ended = new CompletableFuture<>();
        final ConsoleStream stream;

        ApiEnd() {
            stream = ConsoleStream.apiEnd(connection, ConsoleQueues.of(connection.settings(), HOST, session), this,
                    new ConsoleStream.Settings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                    timer.executor());
        }

        ApiEnd open(String uuid, String kind, String execId, OpenConsole.LogFollow logs, long idleSeconds) {
            compute.openConsole(HOST, ctx, new OpenConsole(session, uuid, kind, execId, logs, idleSeconds));
            stream.watch();
            return this;
        }

        @Override
        public synchronized void onData(byte[] data) {
            received.writeBytes(data);
        }

        @Override
        public void onEnd(String reason) {
            ended.complete(reason);
        }

        synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }

        void type(String text) {
            stream.send(text.getBytes(StandardCharsets.UTF_8));
        }

        void awaitText(String expected) {
            await(() -> text().contains(expected), "output containing " + expected + ", got: " + text());
        }

        String awaitEnd() throws Exception {
            return ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String interactiveExec(String uuid, String... command) {
        return compute.containerExec(HOST, ctx, new ContainerExec(uuid, List.of(command), false, true)).execId();
    }

    private boolean execRunning(String execId) {
        return Boolean.TRUE.equals(docker.inspectExecCmd(execId).exec().isRunning());
    }

    @Test
    void aShellTypedIntoAnswersAndItsTerminalResizesAndItsExitEndsTheSession() throws Exception {
        String execId = interactiveExec(sleeper, "/bin/sh");
        ApiEnd api = new ApiEnd().open(sleeper, OpenConsole.EXEC, execId, null, 0);
        api.type("echo hi\n");
        api.awaitText("hi\r\n");
        compute.containerExecResize(HOST, ctx, new ResizeContainerExec(sleeper, execId, 33, 101));
        api.type("stty size\n");
        api.awaitText("33 101");
        api.type("exit\n");
        assertEquals("the process exited", api.awaitEnd());
        await(() -> !execRunning(execId), "the exec to end");
        await(() -> !consoles.isOpen(api.session), "the agent to let go of the session");
    }

    @Test
    void aClientThatGoesEndsTheExecsProcess() throws Exception {
        String execId = interactiveExec(sleeper, "sleep", "300");
        ApiEnd api = new ApiEnd().open(sleeper, OpenConsole.EXEC, execId, null, 0);
        await(() -> execRunning(execId), "the exec to start");
        api.stream.end("the client closed the websocket");
        await(() -> !execRunning(execId), "the exec's process to be ended");
        await(() -> !consoles.isOpen(api.session), "the agent to let go of the session");
    }

    /** What a crashed agent's session leaves (the process of an exec with a terminal) is ended at the next start. */
    @Test
    void aConsolesProcessLeftByAnEarlierRunIsEnded() {
        String orphaned = UUID.randomUUID().toString();
        String name = ContainerSpec.engineName(orphaned);
        docker.createContainerCmd("busybox:latest").withName(name).withCmd("sleep", "600")
                .withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE, "windlass.managed", "true", "windlass.uuid", orphaned))
                .exec();
        docker.startContainerCmd(name).exec();
        String left = docker.execCreateCmd(name).withCmd("sleep", "300").withAttachStdin(true).withTty(true)
                .withAttachStdout(true).exec().getId();
        String plain = docker.execCreateCmd(name).withCmd("sleep", "300").exec().getId();
        docker.execStartCmd(left).withDetach(true).withTty(true).exec(new ResultCallback.Adapter<>());
        docker.execStartCmd(plain).withDetach(true).exec(new ResultCallback.Adapter<>());
        await(() -> execRunning(left) && execRunning(plain) && docker.inspectExecCmd(left).exec().getPidLong() > 0,
                "both execs to run");
        assertTrue(consoles.endOrphans() >= 1);
        await(() -> !execRunning(left), "the console's process to be ended");
        assertTrue(execRunning(plain), "an exec without a terminal is no console's: it is left alone");
    }

    @Test
    void anIdleSessionTimesOut() throws Exception {
        String execId = interactiveExec(sleeper, "/bin/sh");
        ApiEnd api = new ApiEnd().open(sleeper, OpenConsole.EXEC, execId, null, 1);
        assertTrue(api.awaitEnd().contains("idle"));
        await(() -> !execRunning(execId), "the idle shell to be ended");
    }

    @Test
    void anExecInstanceOfAnotherContainerOrNoneIsRefused() {
        String execId = interactiveExec(sleeper, "/bin/sh");
        ApiEnd api = new ApiEnd();
        RemoteException refused = assertThrows(RemoteException.class, () -> api.open(interactive, OpenConsole.EXEC,
                execId, null, 0));
        assertEquals("Invalid", refused.type());
        assertFalse(consoles.isOpen(api.session), "no session is left open on the host");
        api.stream.end("refused");
    }

    @Test
    void theMainProcessIsAttachedAndItsTerminalResizedAndItOutlivesTheAttach() throws Exception {
        ApiEnd api = new ApiEnd().open(interactive, OpenConsole.ATTACH, null, null, 0);
        api.type("echo attached\n");
        api.awaitText("attached\r\n");
        compute.containerResize(HOST, ctx, new ResizeContainerTty(interactive, 40, 120));
        api.type("stty size\n");
        api.awaitText("40 120");
        api.stream.end("the client closed the websocket");
        await(() -> !consoles.isOpen(api.session), "the agent to let go of the session");
        Thread.sleep(1000);
        assertTrue(docker.inspectContainerCmd(ContainerSpec.engineName(interactive)).exec().getState().getRunning());
        // and it is there for the next attach
        ApiEnd again = new ApiEnd().open(interactive, OpenConsole.ATTACH, null, null, 0);
        again.type("echo again\n");
        again.awaitText("again\r\n");
        again.stream.end("done");
    }

    @Test
    void aContainerWithoutStdinIsNotAttached() {
        RemoteException refused = assertThrows(RemoteException.class,
                () -> new ApiEnd().open(sleeper, OpenConsole.ATTACH, null, null, 0));
        assertEquals("EngineError", refused.type());
    }

    @Test
    void aFollowedLogSeesALinePrintedAfterItBegan() throws Exception {
        String chatty = UUID.randomUUID().toString();
        run(chatty, false, "sh", "-c", "echo first; sleep 3; echo second; sleep 600");
        ApiEnd api = new ApiEnd().open(chatty, OpenConsole.LOGS, null,
                new OpenConsole.LogFollow(true, true, false, null, null), 0);
        api.awaitText("first\n");
        assertFalse(api.text().contains("second"), "the stream began before the second line");
        api.awaitText("second\n");
        api.stream.end("the client went");
        await(() -> !consoles.isOpen(api.session), "the agent to let go of the session");
    }
}

package io.windlass.agent.container;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.ContainerSpec;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.ResizeContainerExec;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import jakarta.inject.Inject;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * compute RPC 1.11 as the api-service calls it: over the real RabbitMQ to this agent, which runs
 * commands in, lists the processes of, and copies files out of and into a busybox container of the
 * real dockerd. The engine container is made here, named as the container driver names it, so the
 * calls are all the test depends on.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerAccessIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "container-access-it";

    @Inject
    ComputeRpcApi compute;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private final String container = UUID.randomUUID().toString();
    private final String other = UUID.randomUUID().toString();

    @BeforeAll
    void runContainers() {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeTestContainers();
        run(container);
        run(other);
    }

    @AfterAll
    void cleanUp() throws IOException {
        removeTestContainers();
        docker.close();
    }

    private void run(String uuid) {
        String id = docker.createContainerCmd("busybox:latest").withName(ContainerSpec.engineName(uuid))
                .withCmd("sleep", "600").withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec().getId();
        docker.startContainerCmd(id).exec();
    }

    private void removeTestContainers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    private ContainerExecResult exec(String... command) {
        return compute.containerExec(HOST, ctx, new ContainerExec(container, List.of(command), true));
    }

    private static String failure(Executable call) {
        return assertThrows(RemoteException.class, call).type();
    }

    @Test
    void aCommandsOutputAndExitCode() {
        assertEquals(ContainerExecResult.ran("hello world\n", 0, false), exec("echo", "hello", "world"));
        // stderr is the output as well; the exit code is the command's
        assertEquals(ContainerExecResult.ran("oops\n", 3, false), exec("sh", "-c", "echo oops >&2; exit 3"));
        assertEquals(1, exec("false").exitCode());
    }

    @Test
    void aProgramThatIsNotThereFailsWithTheRuntimesWords() {
        ContainerExecResult result = exec("no-such-program");
        assertEquals(126, result.exitCode());
        assertTrue(result.output().contains("executable file not found"), result.output());
    }

    @Test
    void aCommandThatOutlivesTheExecuteTimeoutIsRefused() {
        long start = System.nanoTime();
        RemoteException e = assertThrows(RemoteException.class, () -> exec("sleep", "20"));
        assertEquals("ExecTimeout", e.type());
        assertEquals("Timeout on executing command: sleep 20", e.getMessage());
        // the test profile's execute-timeout (2s), not the call's own timeout
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void anExecNotRunIsOnlyMadeAndBelongsToItsContainer() {
        ContainerExecResult made = compute.containerExec(HOST, ctx, new ContainerExec(container, List.of("sh"), false));
        assertNull(made.output());
        assertNull(made.exitCode());
        assertTrue(made.execId().matches("[0-9a-f]{64}"), made.execId());
        RemoteException notOurs = assertThrows(RemoteException.class, () -> compute.containerExecResize(HOST, ctx,
                new ResizeContainerExec(other, made.execId(), 24, 80)));
        assertEquals("Invalid", notOurs.type());
        assertEquals("no such exec instance: No such exec instance: " + made.execId(), notOurs.getMessage());
        String unknown = "0".repeat(64);
        RemoteException none = assertThrows(RemoteException.class, () -> compute.containerExecResize(HOST, ctx,
                new ResizeContainerExec(container, unknown, 24, 80)));
        assertEquals("Invalid", none.type());
        assertTrue(none.getMessage().startsWith("no such exec instance: "), none.getMessage());
    }

    @Test
    void topListsTheContainersProcesses() {
        ContainerProcesses top = compute.containerTop(HOST, ctx, new ListContainerProcesses(container, null));
        assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), top.titles());
        assertTrue(top.processes().stream().anyMatch(p -> p.getLast().equals("sleep 600")), top.toString());
        ContainerProcesses aux = compute.containerTop(HOST, ctx, new ListContainerProcesses(container, "aux"));
        assertEquals("USER", aux.titles().getFirst());
        assertEquals(aux.titles().size(), aux.processes().getFirst().size());
        // ps options without a PID column are the engine's refusal
        assertEquals("EngineError", failure(() -> compute.containerTop(HOST, ctx,
                new ListContainerProcesses(container, "-o user"))));
    }

    @Test
    void anArchivePutIsTheArchiveGot() throws IOException {
        compute.containerPutArchive(HOST, ctx, new PutContainerArchive(container, "/tmp",
                tar(Map.of("greeting.txt", "hello from the archive\n"))));
        ContainerArchive got = compute.containerGetArchive(HOST, ctx,
                new GetContainerArchive(container, "/tmp/greeting.txt", 1 << 20));
        assertEquals(Map.of("greeting.txt", "hello from the archive\n"), untar(got.data()));
        assertEquals("greeting.txt", got.stat().name());
        assertEquals(23, got.stat().size());
        assertEquals(0644, got.stat().mode());
        assertEquals("", got.stat().linkTarget());
        assertTrue(got.stat().mtime().matches("\\d{4}-\\d\\d-\\d\\dT.*"), got.stat().mtime());
        // and the container sees it
        assertEquals("hello from the archive\n", exec("cat", "/tmp/greeting.txt").output());

        ContainerArchive dir = compute.containerGetArchive(HOST, ctx, new GetContainerArchive(container, "/etc", 1 << 20));
        assertEquals("etc", dir.stat().name());
        assertEquals(1L << 31, dir.stat().mode() & (1L << 31), "Go's ModeDir bit");
    }

    /** As large as the api-service's default limit allows: one message each way through the broker. */
    @Test
    void aLargeArchiveCrossesTheBrokerWhole() throws IOException {
        byte[] noise = new byte[5 << 20];
        new Random(42).nextBytes(noise);
        String content = Base64.getEncoder().encodeToString(noise);
        compute.containerPutArchive(HOST, ctx, new PutContainerArchive(container, "/tmp",
                tar(Map.of("noise.b64", content))));
        ContainerArchive got = compute.containerGetArchive(HOST, ctx,
                new GetContainerArchive(container, "/tmp/noise.b64", 8 << 20));
        assertEquals(content, untar(got.data()).get("noise.b64"));
    }

    @Test
    void pathsTheContainerDoesNotHaveAreInvalid() {
        RemoteException get = assertThrows(RemoteException.class, () -> compute.containerGetArchive(HOST, ctx,
                new GetContainerArchive(container, "/no/such/file", 1024)));
        assertEquals("Invalid", get.type());
        assertEquals("Could not find the file /no/such/file in container " + ContainerSpec.engineName(container),
                get.getMessage());
        assertEquals("Invalid", failure(() -> compute.containerPutArchive(HOST, ctx,
                new PutContainerArchive(container, "/no/such/dir", tar(Map.of("a", "b"))))));
    }

    @Test
    void anArchiveLargerThanTheCallerTakesIsRefused() {
        RemoteException e = assertThrows(RemoteException.class, () -> compute.containerGetArchive(HOST, ctx,
                new GetContainerArchive(container, "/bin", 64 * 1024)));
        assertEquals("ArchiveTooLarge", e.type());
        assertEquals("The archive of /bin is larger than 65536 bytes, the most copied out of a container in one"
                + " request.", e.getMessage());
    }

    @Test
    void aContainerTheEngineDoesNotHaveIsNotFound() {
        String gone = UUID.randomUUID().toString();
        assertEquals("ContainerNotFound", failure(() -> compute.containerExec(HOST, ctx,
                new ContainerExec(gone, List.of("true"), true))));
        assertEquals("ContainerNotFound", failure(() -> compute.containerTop(HOST, ctx,
                new ListContainerProcesses(gone, null))));
        assertEquals("ContainerNotFound", failure(() -> compute.containerGetArchive(HOST, ctx,
                new GetContainerArchive(gone, "/etc", 1024))));
        assertEquals("ContainerNotFound", failure(() -> compute.containerPutArchive(HOST, ctx,
                new PutContainerArchive(gone, "/tmp", tar(Map.of("a", "b"))))));
        assertEquals("ContainerNotFound", failure(() -> compute.containerExecResize(HOST, ctx,
                new ResizeContainerExec(gone, "0".repeat(64), 24, 80))));
    }

    private static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (var file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setMode(0100644);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static Map<String, String> untar(byte[] data) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(data))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

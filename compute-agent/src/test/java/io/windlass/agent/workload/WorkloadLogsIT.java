package io.windlass.agent.workload;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerSpec;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code workload_logs} as the api-service calls it: over the real RabbitMQ to this agent, which
 * reads the real dockerd's log of an engine container that printed known lines to stdout and stderr.
 * The engine containers are made here, named as each kind's driver names them, so that the log is
 * all the test depends on.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadLogsIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "workload-logs-it";
    /** Paced, so the engine logs the two streams in a known order: out1, err1, out2, ... err5. */
    private static final String PRINTER = "for i in 1 2 3 4 5; do echo out$i; sleep 0.05; echo err$i >&2; sleep 0.05; done";
    private static final String MERGED = "out1\nerr1\nout2\nerr2\nout3\nerr3\nout4\nerr4\nout5\nerr5\n";

    @Inject
    ComputeRpcApi compute;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private final String container = UUID.randomUUID().toString();
    private final String server = UUID.randomUUID().toString();

    @BeforeAll
    void printKnownLines() {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeTestContainers();
        runToEnd(ContainerSpec.engineName(container), false, "sh", "-c", PRINTER);
        runToEnd(DockerServerDriver.engineName(server), false, "sh", "-c", PRINTER);
    }

    @AfterAll
    void cleanUp() throws IOException {
        removeTestContainers();
        docker.close();
    }

    private void runToEnd(String name, boolean tty, String... command) {
        String id = docker.createContainerCmd("busybox:latest").withName(name).withTty(tty).withCmd(command)
                .withLabels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec().getId();
        docker.startContainerCmd(id).exec();
        docker.waitContainerCmd(id).start().awaitStatusCode();
    }

    private void removeTestContainers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    private String logs(boolean stdout, boolean stderr, boolean timestamps, Integer tail, Long since) {
        WorkloadLog log = compute.workloadLogs(HOST, ctx, new WorkloadLogs(WorkloadLogs.CONTAINER, container, stdout,
                stderr, timestamps, tail, since));
        assertFalse(log.truncated());
        return log.text();
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    @Test
    void eachStreamAloneIsWhatItPrinted() {
        assertEquals("out1\nout2\nout3\nout4\nout5\n", logs(true, false, false, null, null));
        assertEquals("err1\nerr2\nerr3\nerr4\nerr5\n", logs(false, true, false, null, null));
    }

    @Test
    void bothStreamsAreMergedInTheOrderLogged() {
        assertEquals(MERGED, logs(true, true, false, null, null));
    }

    @Test
    void tailKeepsTheLastLines() {
        assertEquals("err4\nout5\nerr5\n", logs(true, true, false, 3, null));
        assertEquals("", logs(true, true, false, 0, null));
        assertEquals(MERGED, logs(true, true, false, 100, null));
    }

    @Test
    void tailCountsTheMergedLogBeforeAStreamIsLeftOut() {
        // the engine's order of work (and so Zun's, which passes both on): the last 4 lines logged, then stdout's of them
        assertEquals("out4\nout5\n", logs(true, false, false, 4, null));
        assertEquals("err5\n", logs(false, true, false, 1, null));
        assertEquals("", logs(true, false, false, 1, null));
    }

    @Test
    void timestampsPrefixEveryLineAndSinceFilters() {
        lines(logs(true, false, true, null, null)).forEach(line ->
                assertTrue(line.matches("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z out\\d$"), line));
        assertEquals("", logs(true, true, false, null, Instant.now().getEpochSecond() + 3600));
        assertEquals(MERGED, logs(true, true, false, null, Instant.now().getEpochSecond() - 3600));
    }

    @Test
    void aServersConsoleIsItsEngineContainersLog() {
        assertEquals("out4\nerr4\nout5\nerr5\n", compute.workloadLogs(HOST, ctx, WorkloadLogs.console(server, 4)).text());
        assertEquals(MERGED, compute.workloadLogs(HOST, ctx, WorkloadLogs.console(server, null)).text());
    }

    @Test
    void aTerminalsLogIsItsRawStream() {
        String uuid = UUID.randomUUID().toString();
        runToEnd(ContainerSpec.engineName(uuid), true, "echo", "on a terminal");
        WorkloadLog log = compute.workloadLogs(HOST, ctx, new WorkloadLogs(WorkloadLogs.CONTAINER, uuid, true, true,
                false, null, null));
        assertEquals("on a terminal\r\n", log.text());
    }

    @Test
    void aWorkloadTheEngineDoesNotHaveIsNotFound() {
        RemoteException e = assertThrows(RemoteException.class, () -> compute.workloadLogs(HOST, ctx,
                WorkloadLogs.console(UUID.randomUUID().toString(), null)));
        assertEquals("WorkloadNotFound", e.type());
    }
}

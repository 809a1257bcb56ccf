package io.windlass.agent.container;

import io.windlass.agent.testing.ContainerSpecs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.FindVolumes;
import io.windlass.container.VolumeMount;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The agent as the conductor sees it: requests cast to {@code compute.it-agent-host} over the
 * real RabbitMQ, containers on the real dockerd, and the reports read from the conductor's queue.
 * Zun's create fields too: exposed ports as the engine's {@code ExposedPorts}, a health check as its
 * {@code Healthcheck}, and the engine's verdict reported back (its {@code health_status} events) with
 * {@code docker ps}'s detail.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerManagerIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "compute-manager-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private ConductorProbe conductor;

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeTestContainers();
        conductor = ConductorProbe.listen(connection, json);
    }

    @AfterAll
    void cleanUp() throws Exception {
        conductor.close();
        removeTestContainers();
        docker.close();
    }

    private void removeTestContainers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    private static ContainerSpec spec(String uuid, String image, List<String> command, String pullPolicy) {
        return ContainerSpecs.container(uuid).name("it-" + uuid.substring(0, 8)).image(image).command(command)
                .limits(0.5, 64).labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).pullPolicy(pullPolicy).project("project-1")
                .build();
    }

    private ContainerStatusReport awaitReport(String uuid, String what, Predicate<ContainerStatusReport> match) {
        try {
            return conductor.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                    r -> r.uuid().equals(uuid) && match.test(r), WAIT, "report " + what + " for " + uuid);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; got " + reportsOf(uuid), e);
        }
    }

    private List<ContainerStatusReport> reportsOf(String uuid) {
        return conductor.received(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class).stream()
                .filter(r -> r.uuid().equals(uuid))
                .toList();
    }

    private int engineContainersNamed(String uuid) {
        return docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(ContainerSpec.engineName(uuid)))
                .exec().size();
    }

    @Test
    void createStopDeleteAreReported() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(spec(uuid, "busybox", List.of("sleep", "300"), null),
                true));

        ContainerStatusReport created = awaitReport(uuid, "Running, operation done",
                r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
        assertEquals(HOST, created.host());
        assertNotNull(created.engineId());
        assertFalse(created.addresses().isEmpty(), "addresses of a running container");
        assertTrue(created.addresses().values().iterator().next().getFirst().addr().startsWith("172."));
        assertEquals(List.of("sleep", "300"), created.command());
        assertTrue(created.statusDetail().startsWith("Up "), created.statusDetail());
        assertEquals(created.engineId(), docker.inspectContainerCmd(ContainerSpec.engineName(uuid)).exec().getId());

        compute.containerAction(HOST, ctx, new ContainerOperation(uuid, ContainerAction.STOP, 1));
        ContainerStatusReport stopped = awaitReport(uuid, "Stopped, operation done",
                r -> r.operationDone() && r.status() == ContainerStatus.STOPPED);
        assertTrue(stopped.statusDetail().startsWith("Exited ("), stopped.statusDetail());
        assertFalse(stopped.gone());

        compute.deleteContainer(HOST, ctx, new DeleteContainer(uuid, false, false));
        awaitReport(uuid, "gone, operation done", r -> r.operationDone() && r.gone());
        assertEquals(0, engineContainersNamed(uuid));

        // deleting again is idempotent: reported gone once more
        int before = reportsOf(uuid).size();
        compute.deleteContainer(HOST, ctx, new DeleteContainer(uuid, false, false));
        Instant deadline = Instant.now().plus(WAIT);
        while (reportsOf(uuid).size() == before && Instant.now().isBefore(deadline)) {
            ConductorProbe.pause();
        }
        assertTrue(reportsOf(uuid).getLast().gone());
    }

    /** Zun's {@code kill?signal=term}: the process gets SIGTERM (its trap exits 3), not the engine's SIGKILL (137). */
    @Test
    void aKillSendsTheSignalAskedFor() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(spec(uuid, "busybox", List.of("sh", "-c",
                "trap 'exit 3' TERM; while true; do sleep 0.2; done"), null), true));
        awaitReport(uuid, "Running, operation done", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);

        compute.containerAction(HOST, ctx, new ContainerOperation(uuid, ContainerAction.KILL, null, "term"));
        ContainerStatusReport killed = awaitReport(uuid, "Stopped after the kill",
                r -> r.status() == ContainerStatus.STOPPED);
        assertTrue(killed.statusDetail().startsWith("Exited (3)"), killed.statusDetail());
        deleteAndAwaitGone(uuid);
    }

    @Test
    void heartbeatCarriesTheEngineInventory() {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            var beat = conductor.received(ConductorRpcApi.REPORT_HOST_STATE, HostState.class).stream().findFirst();
            if (beat.isPresent()) {
                HostState state = beat.get();
                assertEquals(HOST, state.host());
                assertEquals("docker", state.driver());
                assertEquals(Runtime.getRuntime().availableProcessors(), state.vcpus(), 0.0);
                assertTrue(state.memoryMb() > 512, "memory " + state.memoryMb());
                assertTrue(state.diskGb() > 0, "disk " + state.diskGb());
                assertTrue(state.images().contains("busybox:latest"), "images " + state.images());
                assertTrue(state.totalContainers() >= state.runningContainers());
                assertNotNull(state.sentAt());
                return;
            }
            ConductorProbe.pause();
        }
        fail("no heartbeat within " + WAIT);
    }

    @Test
    void containerExitingByItselfIsReportedStoppedFromEvents() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(spec(uuid, "busybox",
                List.of("sh", "-c", "sleep 1"), null), true));

        awaitReport(uuid, "created", ContainerStatusReport::operationDone);
        ContainerStatusReport exited = awaitReport(uuid, "Stopped from the event stream",
                r -> !r.operationDone() && r.status() == ContainerStatus.STOPPED);
        assertTrue(exited.statusDetail().startsWith("Exited (0)"), exited.statusDetail());
    }

    @Test
    void resentCreateReusesTheEngineContainer() {
        String uuid = UUID.randomUUID().toString();
        var request = new CreateContainer(spec(uuid, "busybox", List.of("sleep", "300"), null), true);
        compute.createContainer(HOST, ctx, request);
        ContainerStatusReport first = awaitReport(uuid, "first create done", ContainerStatusReport::operationDone);

        compute.createContainer(HOST, ctx, request);
        Instant deadline = Instant.now().plus(WAIT);
        while (reportsOf(uuid).stream().filter(ContainerStatusReport::operationDone).count() < 2
                && Instant.now().isBefore(deadline)) {
            ConductorProbe.pause();
        }
        List<ContainerStatusReport> done = reportsOf(uuid).stream().filter(ContainerStatusReport::operationDone)
                .toList();
        assertEquals(2, done.size(), "both creates finished: " + done);
        assertEquals(ContainerStatus.RUNNING, done.get(1).status());
        assertEquals(first.engineId(), done.get(1).engineId());
        assertEquals(1, engineContainersNamed(uuid));
    }

    @Test
    void statsAndResizeAreAnsweredSynchronously() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(spec(uuid, "busybox", List.of("sleep", "300"), null),
                true));
        awaitReport(uuid, "Running", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);

        ContainerStats stats = compute.containerStats(HOST, ctx, uuid);
        assertEquals(64.0, stats.memoryLimitMib(), 0.01);
        assertTrue(stats.memoryUsageMib() > 0, "usage " + stats.memoryUsageMib());

        compute.resizeContainer(HOST, ctx, new ResizeContainer(uuid, 1.0, 128));
        var hostConfig = docker.inspectContainerCmd(ContainerSpec.engineName(uuid)).exec().getHostConfig();
        assertEquals(128L << 20, hostConfig.getMemory());
        assertEquals(128L << 20, hostConfig.getMemorySwap());
        assertEquals(1_000_000_000L, hostConfig.getNanoCPUs());

        var unknown = assertThrows(RemoteException.class,
                () -> compute.containerStats(HOST, ctx, UUID.randomUUID().toString()));
        assertEquals("ContainerNotFound", unknown.type());
    }

    @Test
    void unknownImageIsReportedAsErrorAndLeavesNothing() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(spec(uuid, "busybox2", List.of("sleep", "300"),
                "never"), true));

        ContainerStatusReport error = awaitReport(uuid, "Error", r -> r.status() == ContainerStatus.ERROR);
        assertTrue(error.operationDone());
        assertEquals("Image busybox2:latest not found on host " + HOST, error.statusReason());
        assertEquals(0, engineContainersNamed(uuid));
    }

    @Test
    void anImageReferenceTheEngineRefusesIsReportedAsErrorAndLeavesNothing() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(spec(uuid, "BUSY BOX:!!", List.of("sleep", "300"),
                "ifnotpresent"), true));

        ContainerStatusReport error = awaitReport(uuid, "Error", r -> r.status() == ContainerStatus.ERROR);
        assertTrue(error.operationDone());
        // the create is the first engine call that sees the image (nothing is looked up before it)
        assertTrue(error.statusReason().startsWith("Failed to create container on host " + HOST
                + ": Docker create failed: invalid reference format"), error.statusReason());
        assertEquals(0, engineContainersNamed(uuid));
    }

    @Test
    void readinessIncludesTheEngineAndTheBroker() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("container-engine"))
                .body("checks.name", hasItem("rabbitmq"));
    }

    /** Liveness is only "is it wedged": no RPC handler running for longer than any should. */
    @Test
    void livenessLooksAtTheRunningHandlersOnly() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("rpc-handlers"))
                .body("checks.name", not(hasItem("rabbitmq")));
    }

    /** Zun's create fields (compute RPC 1.15): exposed ports, a health check, mounts. */
    private static ContainerSpecs fieldsSpec(String uuid) {
        return ContainerSpecs.container(uuid).name("fields-" + uuid.substring(0, 8)).limits(0.5, 64)
                .labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).project("project-1");
    }

    private void deleteAndAwaitGone(String uuid) {
        compute.deleteContainer(HOST, ctx, new DeleteContainer(uuid, true, false));
        awaitReport(uuid, "gone", ContainerStatusReport::gone);
    }

    @Test
    void exposedPortsAndAHealthCheckReachTheEngineAndTheHealthComesBack() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(uuid).exposedPorts(List.of("80/tcp", "53/udp"))
                .healthcheck(new ContainerHealthcheck("test -d /", 1, 2, 3, 0)).build(), true));
        awaitReport(uuid, "Running", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);

        InspectContainerResponse engine = docker.inspectContainerCmd(ContainerSpec.engineName(uuid)).exec();
        assertEquals(List.of("53/udp", "80/tcp"), Arrays.stream(engine.getConfig().getExposedPorts())
                .map(ExposedPort::toString).sorted().toList());
        HealthCheck check = engine.getConfig().getHealthcheck();
        assertEquals(List.of("CMD-SHELL", "test -d /"), check.getTest());
        assertEquals(1_000_000_000L, check.getInterval());
        assertEquals(3_000_000_000L, check.getTimeout());
        assertEquals(2, check.getRetries());

        // the engine's health_status event brings the verdict without waiting for the periodic sync
        ContainerStatusReport healthy = awaitReport(uuid, "healthy", r -> "healthy".equals(r.health()));
        assertTrue(healthy.statusDetail().startsWith("Up ") && healthy.statusDetail().endsWith(" (healthy)"),
                healthy.statusDetail());
        assertEquals(List.of(53, 80), healthy.ports());
        deleteAndAwaitGone(uuid);
    }

    @Test
    void aFailingCheckIsReportedUnhealthy() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(uuid)
                .healthcheck(new ContainerHealthcheck("exit 1", 1, 1, 1, null)).build(), true));
        ContainerStatusReport unhealthy = awaitReport(uuid, "unhealthy", r -> "unhealthy".equals(r.health()));
        assertTrue(unhealthy.statusDetail().endsWith(" (unhealthy)"), unhealthy.statusDetail());
        assertEquals(ContainerStatus.RUNNING, unhealthy.status());
        deleteAndAwaitGone(uuid);
    }

    @Test
    void namedVolumesOfTheProjectAreMountedAndTheOnesMadeForItGoWithIt() {
        String uuid = UUID.randomUUID().toString();
        String named = "it-vol-" + uuid.substring(0, 8);
        String foreign = "it-vol-other-" + uuid.substring(0, 8);
        String made = "windlass-" + uuid + "-1";
        docker.createVolumeCmd().withName(named).withLabels(Map.of("windlass.project", "project-1", TEST_LABEL,
                TEST_LABEL_VALUE)).exec();
        docker.createVolumeCmd().withName(foreign).withLabels(Map.of("windlass.project", "project-2", TEST_LABEL,
                TEST_LABEL_VALUE)).exec();
        try {
            // another project's volume, like one that does not exist, is not the project's to see
            assertEquals(List.of(named), compute.findVolumes(HOST, ctx, new FindVolumes("project-1",
                    List.of(named, foreign, "no-such-volume"))).names());

            compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(uuid).mounts(List.of(
                    new VolumeMount(named, "/data", false), new VolumeMount(made, "/scratch", true))).build(), true));
            awaitReport(uuid, "Running", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
            Map<String, String> mounted = new java.util.TreeMap<>();
            docker.inspectContainerCmd(ContainerSpec.engineName(uuid)).exec().getMounts()
                    .forEach(m -> mounted.put(m.getName(), m.getDestination().getPath()));
            assertEquals(Map.of(named, "/data", made, "/scratch"), mounted);
            assertEquals(uuid, docker.inspectVolumeCmd(made).exec().getLabels().get("windlass.uuid"));

            deleteAndAwaitGone(uuid);
            assertThrows(NotFoundException.class, () -> docker.inspectVolumeCmd(made).exec());
            assertEquals(named, docker.inspectVolumeCmd(named).exec().getName(), "a named volume outlives it");
        } finally {
            for (String volume : List.of(named, foreign, made)) {
                try {
                    docker.removeVolumeCmd(volume).exec();
                } catch (NotFoundException e) {
                    // removed by the test
                }
            }
        }
    }

    @Test
    void aVolumeTheHostDoesNotHaveFailsTheCreateAndLeavesNothing() {
        String uuid = UUID.randomUUID().toString();
        String made = "windlass-" + uuid + "-0";
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(uuid).mounts(List.of(
                new VolumeMount(made, "/scratch", true), new VolumeMount("it-missing-" + uuid.substring(0, 8),
                        "/data", false))).build(), true));
        ContainerStatusReport failed = awaitReport(uuid, "Error", r -> r.status() == ContainerStatus.ERROR);
        assertTrue(failed.statusReason().endsWith("Volume it-missing-" + uuid.substring(0, 8)
                + " could not be found."), failed.statusReason());
        assertEquals(0, engineContainersNamed(uuid));
        assertThrows(NotFoundException.class, () -> docker.inspectVolumeCmd(made).exec());
    }

    @Test
    void aRuntimeTheEngineHasIsUsedAndOneItLacksFailsTheCreate() {
        String uuid = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(uuid).runtime("runc").build(), true));
        awaitReport(uuid, "Running", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
        assertEquals("runc", docker.inspectContainerCmd(ContainerSpec.engineName(uuid)).exec().getHostConfig()
                .getRuntime());
        deleteAndAwaitGone(uuid);

        String other = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(other).runtime("no-such-runtime").build(),
                true));
        ContainerStatusReport failed = awaitReport(other, "Error", r -> r.status() == ContainerStatus.ERROR);
        assertTrue(failed.statusReason().contains("no-such-runtime"), failed.statusReason());
        assertEquals(0, engineContainersNamed(other));
    }

    @Test
    void dedicatedCpusAreWholeCpusNoOtherPinnedContainerHas() {
        int hostCpus = docker.infoCmd().exec().getNCPU();
        String first = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(first).limits(1, 64).cpuPolicy("dedicated")
                .build(), true));
        awaitReport(first, "Running", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
        String firstCpus = docker.inspectContainerCmd(ContainerSpec.engineName(first)).exec().getHostConfig()
                .getCpusetCpus();
        assertEquals(1, firstCpus.split(",").length, firstCpus);

        // every CPU but the first container's: the host has no more to dedicate
        String second = UUID.randomUUID().toString();
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(second).limits(hostCpus, 64)
                .cpuPolicy("dedicated").build(), true));
        ContainerStatusReport refused = awaitReport(second, "Error", r -> r.status() == ContainerStatus.ERROR);
        assertTrue(refused.statusReason().contains("Not enough CPUs to dedicate"), refused.statusReason());
        assertEquals(0, engineContainersNamed(second));

        if (hostCpus > 1) {
            String third = UUID.randomUUID().toString();
            compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(third).limits(hostCpus - 1, 64)
                    .cpuPolicy("dedicated").build(), true));
            awaitReport(third, "Running", r -> r.operationDone() && r.status() == ContainerStatus.RUNNING);
            String thirdCpus = docker.inspectContainerCmd(ContainerSpec.engineName(third)).exec().getHostConfig()
                    .getCpusetCpus();
            assertFalse(List.of(thirdCpus.split(",")).contains(firstCpus), thirdCpus + " holds " + firstCpus);
            deleteAndAwaitGone(third);
        }
        deleteAndAwaitGone(first);
    }

    @Test
    void theVolumeMadeForAnAutoRemovedContainerGoesWhenTheEngineRemovesIt() throws InterruptedException {
        String uuid = UUID.randomUUID().toString();
        String made = "windlass-" + uuid + "-0";
        compute.createContainer(HOST, ctx, new CreateContainer(fieldsSpec(uuid).command(List.of("true"))
                .autoRemove(true).mounts(List.of(new VolumeMount(made, "/scratch", true))).build(), true));
        awaitReport(uuid, "gone", ContainerStatusReport::gone);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !docker.listVolumesCmd().withFilter("name", List.of(made)).exec()
                .getVolumes().isEmpty()) {
            Thread.sleep(200);
        }
        assertThrows(NotFoundException.class, () -> docker.inspectVolumeCmd(made).exec());
    }
}

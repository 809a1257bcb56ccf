package io.windlass.agent.driver.docker;

import io.windlass.agent.network.DockerNetworks;
import io.windlass.agent.network.EngineNetworks;
import io.windlass.agent.network.HostCommands;
import io.windlass.agent.network.TenantBridgeGuard;
import io.windlass.agent.network.VxlanDevices;
import io.windlass.agent.network.PortWiring;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.driver.WorkloadNotFoundException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.container.ObservedContainer;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.RestartPolicy;
import io.windlass.network.WorkloadNetworks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Docker driver against the real dockerd on the unix socket, with the local busybox image. */
class DockerContainerDriverIT {
    private static final String TEST_LABEL = "windlass.test";
    private static final String TEST_LABEL_VALUE = "docker-driver-it";
    private static final String DOCKER_HOST = "unix:///var/run/docker.sock";

    private static DockerContainerDriver driver;
    private static DockerClient docker;

    @BeforeAll
    static void connect() {
        docker = DockerClientFactory.create(DOCKER_HOST, Duration.ofSeconds(30));
        // no test here has ports: the data plane is built but never used
        DockerNetworks networks = new DockerNetworks(docker);
        HostCommands commands = HostCommands.local();
        driver = new DockerContainerDriver(DOCKER_HOST, Duration.ofSeconds(5), new PortWiring(
                new EngineNetworks(networks, new VxlanDevices(commands), new TenantBridgeGuard(commands),
                        Optional.empty(), request -> {
                        }), networks));
        removeTestContainers();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        removeTestContainers();
        driver.close();
        docker.close();
    }

    private static void removeTestContainers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    private static ContainerSpec spec(String uuid, String image, List<String> command, double cpu, int memoryMb,
                                      RestartPolicy restart, String pullPolicy) {
        return ContainerSpecs.container(uuid).name("drv-" + uuid.substring(0, 8)).image(image).command(command)
                .limits(cpu, memoryMb).workdir("/tmp").environment(Map.of("GREETING", "hello"))
                .labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE, "team", "blue")).restart(restart).pullPolicy(pullPolicy)
                .project("project-1").build();
    }

    private static InspectContainerResponse dockerInspect(String uuid) {
        return docker.inspectContainerCmd(ContainerSpec.engineName(uuid)).exec();
    }

    @Test
    void createAppliesLimitsLabelsAndPolicy() {
        String uuid = UUID.randomUUID().toString();
        driver.create(spec(uuid, "busybox", List.of("sleep", "300"), 0.5, 64, new RestartPolicy("on-failure", 3),
                null), WorkloadNetworks.NONE);

        InspectContainerResponse r = dockerInspect(uuid);
        assertEquals(64L << 20, r.getHostConfig().getMemory());
        assertEquals(64L << 20, r.getHostConfig().getMemorySwap(), "no swap: swap limit equals memory");
        assertEquals(500_000_000L, r.getHostConfig().getNanoCPUs());
        assertTrue(r.getHostConfig().getInit());
        assertEquals("on-failure", r.getHostConfig().getRestartPolicy().getName());
        assertEquals(3, r.getHostConfig().getRestartPolicy().getMaximumRetryCount());
        assertEquals("true", r.getConfig().getLabels().get("windlass.managed"));
        assertEquals(uuid, r.getConfig().getLabels().get("windlass.uuid"));
        assertEquals("project-1", r.getConfig().getLabels().get("windlass.project"));
        assertEquals("blue", r.getConfig().getLabels().get("team"));
        assertEquals("busybox:latest", r.getConfig().getImage());
        assertArrayEquals(new String[] {"sleep", "300"}, r.getConfig().getCmd());
        assertTrue(List.of(r.getConfig().getEnv()).contains("GREETING=hello"));
        assertEquals("/tmp", r.getConfig().getWorkingDir());
        assertEquals("drv-" + uuid.substring(0, 8), r.getConfig().getHostName());

        ObservedContainer observed = driver.observe(uuid).orElseThrow();
        assertEquals(ContainerStatus.CREATED, observed.status());
        assertEquals("Created", observed.statusDetail());
        assertEquals(r.getId(), observed.engineId());
        assertTrue(driver.list().stream().anyMatch(c -> c.uuid().equals(uuid) && !c.running()));
    }

    @Test
    void aPrivilegedContainerGetsExtendedPrivileges() {
        String plain = UUID.randomUUID().toString();
        driver.create(spec(plain, "busybox", List.of("sleep", "300"), 0, 0, RestartPolicy.NO, null), WorkloadNetworks.NONE);
        assertFalse(dockerInspect(plain).getHostConfig().getPrivileged());

        String privileged = UUID.randomUUID().toString();
        driver.create(ContainerSpecs.container(privileged).name("drv-" + privileged.substring(0, 8)).image("busybox")
                .command(List.of("sleep", "300")).labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).privileged().build(),
                WorkloadNetworks.NONE);
        assertTrue(dockerInspect(privileged).getHostConfig().getPrivileged());
    }

    @Test
    void lifecycleStartStopPauseUnpauseRestartRemove() {
        String uuid = UUID.randomUUID().toString();
        driver.create(spec(uuid, "busybox:latest", List.of("sleep", "300"), 0, 0, RestartPolicy.NO, "never"), WorkloadNetworks.NONE);

        driver.start(uuid);
        ObservedContainer running = driver.observe(uuid).orElseThrow();
        assertEquals(ContainerStatus.RUNNING, running.status());
        assertTrue(running.statusDetail().startsWith("Up "), running.statusDetail());
        assertFalse(running.addresses().isEmpty(), "a running container has a bridge address");
        assertTrue(running.addresses().values().iterator().next().getFirst().addr().startsWith("172."));
        driver.start(uuid); // already running: no error

        driver.pause(uuid);
        assertEquals(ContainerStatus.PAUSED, driver.observe(uuid).orElseThrow().status());
        driver.unpause(uuid);
        assertEquals(ContainerStatus.RUNNING, driver.observe(uuid).orElseThrow().status());

        String startedBefore = dockerInspect(uuid).getState().getStartedAt();
        long t0 = System.nanoTime();
        driver.restart(uuid, Duration.ofSeconds(10));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 5,
                "with docker-init the restart does not wait out the grace period");
        assertEquals(ContainerStatus.RUNNING, driver.observe(uuid).orElseThrow().status());
        assertFalse(startedBefore.equals(dockerInspect(uuid).getState().getStartedAt()));

        driver.stop(uuid, Duration.ofSeconds(10));
        ObservedContainer stopped = driver.observe(uuid).orElseThrow();
        assertEquals(ContainerStatus.STOPPED, stopped.status());
        assertTrue(stopped.statusDetail().startsWith("Exited (143)"), stopped.statusDetail());
        driver.stop(uuid, Duration.ofSeconds(1)); // already stopped: no error

        driver.remove(uuid, false);
        assertTrue(driver.observe(uuid).isEmpty());
        assertThrows(WorkloadNotFoundException.class, () -> driver.remove(uuid, true));
        assertThrows(WorkloadNotFoundException.class, () -> driver.start(uuid));
    }

    @Test
    void updateRaisesAndLowersMemoryAndChangesCpu() {
        String uuid = UUID.randomUUID().toString();
        driver.create(spec(uuid, "busybox", List.of("sleep", "300"), 0.5, 64, RestartPolicy.NO, null), WorkloadNetworks.NONE);
        driver.start(uuid);

        driver.update(uuid, null, 256);
        assertEquals(256L << 20, dockerInspect(uuid).getHostConfig().getMemory());
        assertEquals(256L << 20, dockerInspect(uuid).getHostConfig().getMemorySwap());

        driver.update(uuid, 1.5, 32);
        InspectContainerResponse r = dockerInspect(uuid);
        assertEquals(32L << 20, r.getHostConfig().getMemory());
        assertEquals(32L << 20, r.getHostConfig().getMemorySwap());
        assertEquals(1_500_000_000L, r.getHostConfig().getNanoCPUs());
    }

    @Test
    void statsGiveSaneNumbers() {
        String uuid = UUID.randomUUID().toString();
        driver.create(spec(uuid, "busybox", List.of("sh", "-c", "while true; do :; done"), 0.5, 64,
                RestartPolicy.NO, null), WorkloadNetworks.NONE);
        driver.start(uuid);

        ContainerStats stats = driver.stats(uuid);
        assertEquals(64.0, stats.memoryLimitMib(), 0.01);
        assertTrue(stats.memoryUsageMib() > 0 && stats.memoryUsageMib() < 64, "usage " + stats.memoryUsageMib());
        assertTrue(stats.memoryPercent() > 0 && stats.memoryPercent() < 100);
        // a busy loop capped at half a CPU
        assertTrue(stats.cpuPercent() > 10 && stats.cpuPercent() < 80, "cpu " + stats.cpuPercent());
        assertTrue(stats.netRxBytes() >= 0 && stats.blockReadBytes() >= 0);
        assertThrows(WorkloadNotFoundException.class, () -> driver.stats(UUID.randomUUID().toString()));
    }

    @Test
    void unknownImageFailsClearlyAndLeavesNoContainer() {
        String uuid = UUID.randomUUID().toString();
        var e = assertThrows(ImageUnavailableException.class,
                () -> driver.create(spec(uuid, "busybox2", List.of("sleep", "300"), 0, 0, RestartPolicy.NO,
                        "never"), WorkloadNetworks.NONE));
        assertEquals("busybox2:latest", e.image());
        assertEquals("Image busybox2:latest not found on host h1", e.reasonOn("h1"));
        assertTrue(driver.observe(uuid).isEmpty());
        assertTrue(docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of(ContainerSpec.engineName(uuid))).exec().isEmpty());
    }

    @Test
    void inventoryComesFromTheEngine() {
        var inventory = driver.inventory();
        assertEquals(Runtime.getRuntime().availableProcessors(), inventory.vcpus(), 0.0);
        assertTrue(inventory.memoryMb() > 512, "memory " + inventory.memoryMb());
        assertTrue(inventory.diskGb() > 0, "disk " + inventory.diskGb());
        assertTrue(driver.images().contains("busybox:latest"));
        assertTrue(driver.ping());
        assertTrue(inventory.runtimes().contains("runc"), "the engine's runtimes " + inventory.runtimes());
    }

    @Test
    void aPinnedContainerTakesItsCpusOutOfWhatTheHostOffersToPin() {
        var inventory = driver.inventory();
        int before = inventory.freeDedicatedCpus(driver.list());
        assertTrue(before > 0 && before <= Runtime.getRuntime().availableProcessors(), "free to pin: " + before);
        String uuid = UUID.randomUUID().toString();
        driver.create(ContainerSpecs.container(uuid).name("drv-" + uuid.substring(0, 8)).image("busybox")
                .command(List.of("sleep", "300")).limits(1, 64).cpuPolicy("dedicated")
                .labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).build(), WorkloadNetworks.NONE);

        // the listing the heartbeat takes carries the container's pinned CPU
        var pinned = driver.list().stream().filter(c -> c.uuid().equals(uuid)).findFirst().orElseThrow();
        assertEquals(1, pinned.pinnedCpus().size(), "pinned: " + pinned.pinnedCpus());
        // no other test of this suite pins CPUs meanwhile
        assertEquals(before - 1, inventory.freeDedicatedCpus(driver.list()));
        driver.remove(uuid, true);
        assertEquals(before, inventory.freeDedicatedCpus(driver.list()));
    }

    /**
     * A pull stalled at its registry (a loopback socket that accepts and never answers) holds up no
     * other dedicated-CPU create of the host: the CPU choice's lock is not held while an image is
     * pulled. Before, the second create waited until the first one's pull timed out.
     */
    @Test
    void aPullingDedicatedCreateDoesNotHoldUpTheHostsOtherPinnedCreates() throws Exception {
        try (ServerSocket registry = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            CountDownLatch reached = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(registry.accept());
                        reached.countDown();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            try {
                createWhileAnotherPulls(registry, reached);
            } finally {
                // the engine's connections to the stalled registry, whether or not the test got through
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private void createWhileAnotherPulls(ServerSocket registry, CountDownLatch reached) throws Exception {
        String pulling = UUID.randomUUID().toString();
        String image = "127.0.0.1:" + registry.getLocalPort() + "/windlass-it/stalled:1";
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> driver.create(ContainerSpecs
                .container(pulling).name("drv-" + pulling.substring(0, 8)).image(image).limits(1, 64)
                .cpuPolicy("dedicated").labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).build(), WorkloadNetworks.NONE));
        assertTrue(reached.await(30, TimeUnit.SECONDS), "the engine never reached the stalled registry");

        String other = UUID.randomUUID().toString();
        driver.create(ContainerSpecs.container(other).name("drv-" + other.substring(0, 8)).image("busybox")
                .command(List.of("sleep", "300")).limits(1, 64).cpuPolicy("dedicated")
                .labels(Map.of(TEST_LABEL, TEST_LABEL_VALUE)).build(), WorkloadNetworks.NONE);
        assertFalse(first.isDone(), "the other create waited for the pull to end");
        assertTrue(dockerInspect(other).getHostConfig().getCpusetCpus().matches("\\d+"));

        // the driver's pull timeout (5 s) ends the stalled one; nothing of it is left
        ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(60, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof ImageUnavailableException, String.valueOf(failed.getCause()));
        assertTrue(driver.observe(pulling).isEmpty());
        driver.remove(other, true);
    }
}

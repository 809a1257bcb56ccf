package io.windlass.agent.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.ComputeHost;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatusReport;
import io.windlass.context.RequestContext;
import io.windlass.server.InjectedFile;
import io.windlass.server.PowerState;
import io.windlass.server.ResizeServer;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerAddress;
import io.windlass.server.ServerKey;
import io.windlass.server.ServerOperation;
import io.windlass.server.RescueServer;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import io.windlass.server.ServerStatusReport;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova servers on the real dockerd, driven as the conductor drives them: casts to
 * {@code compute.it-agent-host} over the real RabbitMQ, reports read from the conductor's queue.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerManagerIT {
    private static final String HOST = AgentQueuesReset.HOST;
    /** Metadata item of every test server; it becomes the engine label used to clean up. */
    private static final String TEST_META = "test";
    private static final String TEST_META_VALUE = "server-manager-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    ServerConfig config;
    @Inject
    ComputeHost host;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private ConductorProbe conductor;
    /** Servers this run spawned: their config drives go at the end, also those of servers removed behind the agent's back. */
    private final List<String> spawned = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        removeTestServers();
        conductor = ConductorProbe.listen(connection, json);
    }

    @AfterAll
    void cleanUp() throws Exception {
        conductor.close();
        removeTestServers();
        docker.close();
        ConfigDriveBuilder drives = new ConfigDriveBuilder(config.configDriveDir());
        spawned.forEach(drives::remove);
    }

    private void removeTestServers() {
        docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("windlass.meta." + TEST_META, TEST_META_VALUE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ServerSpec spec(String uuid, String image, String userData, List<InjectedFile> files) {
        return new ServerSpec(uuid, "vm-" + uuid.substring(0, 8), "vm-" + uuid.substring(0, 8), image, 1, 96, 1,
                Map.of(TEST_META, TEST_META_VALUE, "role", "web"), "project-1", "user-1", "nova", 0, "r-it",
                userData, files, "auto");
    }

    private List<ServerStatusReport> reportsOf(String uuid) {
        return conductor.received(ConductorRpcApi.REPORT_SERVER_STATUS, ServerStatusReport.class).stream()
                .filter(r -> r.uuid().equals(uuid))
                .toList();
    }

    /** Waits for a report of {@code uuid} after the first {@code seen} ones that matches. */
    private ServerStatusReport awaitReport(String uuid, int seen, String what, Predicate<ServerStatusReport> match) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<ServerStatusReport> reports = reportsOf(uuid);
            for (ServerStatusReport r : reports.subList(Math.min(seen, reports.size()), reports.size())) {
                if (match.test(r)) {
                    return r;
                }
            }
            ConductorProbe.pause();
        }
        throw new AssertionError("no report " + what + " for " + uuid + " within " + WAIT + "; got " + reportsOf(uuid));
    }

    private ServerStatusReport act(String uuid, ServerAction action, PowerState expected) {
        int seen = reportsOf(uuid).size();
        compute.serverAction(HOST, ctx, new ServerOperation(uuid, action));
        ServerStatusReport r = awaitReport(uuid, seen, action + " done", ServerStatusReport::operationDone);
        assertNull(r.fault(), action + " failed: " + r.fault());
        assertEquals(expected, r.powerState(), "after " + action);
        return r;
    }

    private ServerStatusReport spawn(ServerSpec spec) {
        spawned.add(spec.uuid());
        int seen = reportsOf(spec.uuid()).size();
        compute.spawnServer(HOST, ctx, spec);
        return awaitReport(spec.uuid(), seen, "spawn done", ServerStatusReport::operationDone);
    }

    private String exec(String containerId, String... command) throws InterruptedException {
        String execId = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true)
                .withCmd(command).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        }).awaitCompletion(10, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

    private int engineContainers(String uuid) {
        return docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of(DockerServerDriver.engineName(uuid))).exec().size();
    }

    private Path configDrive(String uuid) {
        return config.configDriveDir().toAbsolutePath().resolve(uuid);
    }

    @Test
    void spawnPowerActionsAndDestroyAreReportedAndRealOnTheEngine() throws Exception {
        String uuid = UUID.randomUUID().toString();
        ServerSpec spec = spec(uuid, "busybox", b64("#cloud-config\nhostname: vm\n"),
                List.of(new InjectedFile("/etc/motd", b64("welcome\n"))));

        ServerStatusReport spawned = spawn(spec);
        assertNull(spawned.fault(), spawned.fault());
        assertEquals(PowerState.RUNNING, spawned.powerState());
        assertEquals(HOST, spawned.host());
        assertFalse(spawned.gone());
        List<ServerAddress> bridge = spawned.addresses().get("bridge");
        assertNotNull(bridge, "addresses by network name: " + spawned.addresses());
        assertTrue(bridge.getFirst().addr().startsWith("172."), bridge.toString());
        assertEquals(4, bridge.getFirst().version());
        assertNotNull(bridge.getFirst().macAddr());

        InspectContainerResponse engine = docker.inspectContainerCmd(DockerServerDriver.engineName(uuid)).exec();
        assertEquals(spawned.engineId(), engine.getId());
        assertEquals(1_000_000_000L, engine.getHostConfig().getNanoCPUs());
        assertEquals(96L << 20, engine.getHostConfig().getMemory());
        // no restart policy: docker-java sends "", which the engine keeps as is (the same as "no")
        assertTrue(Set.of("", "no").contains(engine.getHostConfig().getRestartPolicy().getName()),
                engine.getHostConfig().getRestartPolicy().getName());
        assertEquals("vm-" + uuid.substring(0, 8), engine.getConfig().getHostName());
        // busybox's default command (sh) stays up: the server has a terminal and an open stdin
        assertEquals(List.of("sh"), List.of(engine.getConfig().getCmd()));
        Map<String, String> labels = engine.getConfig().getLabels();
        assertEquals("true", labels.get("windlass.managed"));
        assertEquals("server", labels.get("windlass.kind"));
        assertEquals(uuid, labels.get("windlass.server.uuid"));
        assertEquals("project-1", labels.get("windlass.project"));
        assertEquals("web", labels.get("windlass.meta.role"));
        assertFalse(labels.containsKey("windlass.uuid"), "a server must not look like a Zun container");

        String metaData = exec(engine.getId(), "cat", "/mnt/config/openstack/latest/meta_data.json");
        assertEquals(Files.readString(configDrive(uuid).resolve("openstack/latest/meta_data.json")), metaData);
        assertTrue(metaData.startsWith("{\"uuid\":\"" + uuid + "\",\"name\":\"vm-"), metaData);
        assertTrue(metaData.contains("\"meta\":{\"role\":\"web\",\"test\":\"server-manager-it\"}"), metaData);
        assertTrue(metaData.contains("\"files\":[{\"path\":\"/etc/motd\",\"content_path\":\"/content/0000\"}]"),
                metaData);
        assertEquals("#cloud-config\nhostname: vm\n",
                exec(engine.getId(), "cat", "/mnt/config/openstack/latest/user_data"));
        assertEquals("welcome\n", exec(engine.getId(), "cat", "/mnt/config/openstack/content/0000"));
        assertTrue(exec(engine.getId(), "sh", "-c", "touch /mnt/config/x 2>&1 || true").contains("Read-only"),
                "the config drive is mounted read-only");

        act(uuid, ServerAction.STOP, PowerState.SHUTDOWN);
        act(uuid, ServerAction.START, PowerState.RUNNING);
        String startedAt = docker.inspectContainerCmd(engine.getId()).exec().getState().getStartedAt();
        act(uuid, ServerAction.REBOOT_SOFT, PowerState.RUNNING);
        String afterSoft = docker.inspectContainerCmd(engine.getId()).exec().getState().getStartedAt();
        assertFalse(startedAt.equals(afterSoft), "a reboot restarts the guest");
        act(uuid, ServerAction.PAUSE, PowerState.PAUSED);
        act(uuid, ServerAction.UNPAUSE, PowerState.RUNNING);
        // a resize changes the limits of the running guest in place
        compute.resizeServer(HOST, ctx, new ResizeServer(uuid, 2, 128));
        var resized = docker.inspectContainerCmd(engine.getId()).exec().getHostConfig();
        assertEquals(2_000_000_000L, resized.getNanoCPUs());
        assertEquals(128L << 20, resized.getMemory());
        assertEquals(128L << 20, resized.getMemorySwap(), "no swap, as at spawn");
        assertEquals("running", docker.inspectContainerCmd(engine.getId()).exec().getState().getStatus());
        // suspend and resume come as methods of their own; the guest is frozen in the engine
        int before = reportsOf(uuid).size();
        compute.suspendServer(HOST, ctx, new ServerRef(uuid));
        assertEquals(PowerState.PAUSED, awaitReport(uuid, before, "suspend done", ServerStatusReport::operationDone)
                .powerState());
        assertEquals("paused", docker.inspectContainerCmd(engine.getId()).exec().getState().getStatus());
        before = reportsOf(uuid).size();
        compute.resumeServer(HOST, ctx, new ServerRef(uuid));
        assertEquals(PowerState.RUNNING, awaitReport(uuid, before, "resume done", ServerStatusReport::operationDone)
                .powerState());
        act(uuid, ServerAction.PAUSE, PowerState.PAUSED);
        // a hard reboot also recovers a paused server
        act(uuid, ServerAction.REBOOT_HARD, PowerState.RUNNING);
        assertEquals("running", docker.inspectContainerCmd(engine.getId()).exec().getState().getStatus());

        // the engine container is a server, never a Zun container
        assertTrue(conductor.received(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class).stream()
                .noneMatch(r -> r.uuid().equals(uuid) || engine.getId().equals(r.engineId())));

        int seen = reportsOf(uuid).size();
        compute.destroyServer(HOST, ctx, new ServerRef(uuid));
        ServerStatusReport gone = awaitReport(uuid, seen, "gone, done", r -> r.operationDone() && r.gone());
        assertNull(gone.fault());
        assertEquals(0, engineContainers(uuid));
        assertFalse(Files.exists(configDrive(uuid)), "config drive removed");
    }

    @Test
    void theKeyPairIsRootsAuthorizedKeyWhereTheImageHasARootHomeAndOnTheConfigDriveAlways() throws Exception {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm4Qm7ljV0w2a1r0dXl9Q3bqk8lTt3pU3b3cT0wFv2f it@windlass";
        String withRoot = imageWithRootHome();
        String uuid = UUID.randomUUID().toString();
        ServerSpec plain = spec(uuid, withRoot, null, List.of());
        ServerSpec keyed = new ServerSpec(uuid, plain.name(), plain.hostname(), plain.image(), plain.vcpus(),
                plain.memoryMb(), plain.rootGb(), plain.metadata(), plain.projectId(), plain.userId(),
                plain.availabilityZone(), plain.launchIndex(), plain.reservationId(), null, List.of(), "auto", false,
                null, new ServerKey("it-key", "ssh", key));

        ServerStatusReport spawned = spawn(keyed);
        assertNull(spawned.fault(), spawned.fault());
        String engine = DockerServerDriver.engineName(uuid);
        assertEquals(key + "\n", exec(engine, "cat", "/root/.ssh/authorized_keys"));
        assertEquals("700 0:0\n600 0:0\n", exec(engine, "stat", "-c", "%a %u:%g", "/root/.ssh",
                "/root/.ssh/authorized_keys"));
        assertTrue(exec(engine, "cat", "/mnt/config/openstack/latest/meta_data.json")
                .contains("\"public_keys\":{\"it-key\":\"" + key + "\"}"));

        // busybox as imported has no /root: the server boots, the key is on its config drive only
        String bare = UUID.randomUUID().toString();
        ServerSpec b = spec(bare, "busybox", null, List.of());
        ServerStatusReport noHome = spawn(new ServerSpec(bare, b.name(), b.hostname(), b.image(), b.vcpus(),
                b.memoryMb(), b.rootGb(), b.metadata(), b.projectId(), b.userId(), b.availabilityZone(),
                b.launchIndex(), b.reservationId(), null, List.of(), "auto", false, null,
                new ServerKey("it-key", "ssh", key)));
        assertNull(noHome.fault(), noHome.fault());
        assertEquals(PowerState.RUNNING, noHome.powerState());
        assertTrue(exec(DockerServerDriver.engineName(bare), "cat", "/mnt/config/openstack/latest/meta_data.json")
                .contains("\"keys\":[{\"name\":\"it-key\",\"type\":\"ssh\",\"data\":\"" + key + "\"}]"));
    }

    @Test
    void aRebuildReplacesTheEngineWorkloadFromTheNewImageWithTheNewDriveAndTheSameName() throws Exception {
        String uuid = UUID.randomUUID().toString();
        ServerStatusReport first = spawn(spec(uuid, "busybox", null, List.of()));
        assertNull(first.fault(), first.fault());
        String withRoot = imageWithRootHome();
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm4Qm7ljV0w2a1r0dXl9Q3bqk8lTt3pU3b3cT0wFv2f it@windlass";
        ServerSpec old = spec(uuid, withRoot, null, List.of());
        ServerSpec next = new ServerSpec(uuid, "rebuilt", old.hostname(), withRoot, old.vcpus(), old.memoryMb(),
                old.rootGb(), old.metadata(), old.projectId(), old.userId(), old.availabilityZone(), old.launchIndex(),
                old.reservationId(), null, List.of(), "auto", false, null, new ServerKey("it-key", "ssh", key));

        int seen = reportsOf(uuid).size();
        compute.rebuildServer(HOST, ctx, next);
        ServerStatusReport rebuilt = awaitReport(uuid, seen, "rebuild done", ServerStatusReport::operationDone);
        assertNull(rebuilt.fault(), rebuilt.fault());
        assertEquals(PowerState.RUNNING, rebuilt.powerState());
        assertFalse(first.engineId().equals(rebuilt.engineId()), "a new engine container");
        assertEquals(1, engineContainers(uuid));
        InspectContainerResponse engine = docker.inspectContainerCmd(DockerServerDriver.engineName(uuid)).exec();
        assertEquals(withRoot, engine.getConfig().getImage());
        assertEquals(key + "\n", exec(engine.getId(), "cat", "/root/.ssh/authorized_keys"));
        assertTrue(exec(engine.getId(), "cat", "/mnt/config/openstack/latest/meta_data.json")
                .contains("\"name\":\"rebuilt\""));

        // from an image the host does not have: a fault, and nothing left
        seen = reportsOf(uuid).size();
        compute.rebuildServer(HOST, ctx, new ServerSpec(uuid, "rebuilt", old.hostname(), "windlass-no-such-image:1",
                1, 96, 1, old.metadata(), "project-1", "user-1", "nova", 0, "r-it", null, List.of(), "auto"));
        ServerStatusReport failed = awaitReport(uuid, seen, "rebuild failed", ServerStatusReport::operationDone);
        assertTrue(failed.fault().contains("windlass-no-such-image:1"), failed.fault());
        assertEquals(0, engineContainers(uuid));
    }

    @Test
    void aRescueRunsTheRescueImageOnTheServersAddressWithItsFilesAndAnUnrescueRestartsTheRepairedServer()
            throws Exception {
        String uuid = UUID.randomUUID().toString();
        String rescueImage = imageWithRootHome();
        try {
            // a stopped server is rescued as a running one is (Nova rescues ACTIVE, STOPPED and ERROR)
            ServerStatusReport spawned = spawn(spec(uuid, "busybox", null, List.of()));
            assertNull(spawned.fault(), spawned.fault());
            InspectContainerResponse server = docker.inspectContainerCmd(DockerServerDriver.engineName(uuid)).exec();
            exec(server.getId(), "sh", "-c", "echo broken > /etc/app.conf");
            act(uuid, ServerAction.STOP, PowerState.SHUTDOWN);

            int seen = reportsOf(uuid).size();
            compute.rescueServer(HOST, ctx, new RescueServer(uuid, rescueImage));
            ServerStatusReport rescued = awaitReport(uuid, seen, "rescue done", ServerStatusReport::operationDone);
            assertNull(rescued.fault(), rescued.fault());
            // the rescue system runs: the server shows running, its own container frozen
            assertEquals(PowerState.RUNNING, rescued.powerState());
            assertEquals(Boolean.TRUE, rescued.rescued(), "the host says so");
            assertEquals("paused", docker.inspectContainerCmd(server.getId()).exec().getState().getStatus());
            InspectContainerResponse rescue = docker.inspectContainerCmd(DockerServerDriver.rescueName(uuid)).exec();
            assertEquals(rescueImage, rescue.getConfig().getImage());
            assertEquals("container:" + server.getId(), rescue.getHostConfig().getNetworkMode());
            assertEquals(server.getHostConfig().getMemory(), rescue.getHostConfig().getMemory(), "the flavor's memory");
            // the server's filesystem, writable, and the server's address
            assertEquals("broken\n", exec(rescue.getId(), "cat", DockerServerDriver.RESCUE_MOUNT + "/etc/app.conf"));
            exec(rescue.getId(), "sh", "-c", "echo repaired > " + DockerServerDriver.RESCUE_MOUNT + "/etc/app.conf");
            String serverAddress = docker.inspectContainerCmd(server.getId()).exec().getNetworkSettings().getNetworks()
                    .values().iterator().next().getIpAddress();
            assertTrue(exec(rescue.getId(), "ip", "-4", "addr").contains(serverAddress + "/"), "the server's address");
            // the sync shows it so too
            Instant beforeSync = Instant.now();
            host.sync().syncAll();
            ServerStatusReport synced = awaitReport(uuid, 0, "synced while rescued",
                    r -> !r.operationDone() && r.observedAt().isAfter(beforeSync));
            assertEquals(PowerState.RUNNING, synced.powerState());
            assertEquals(Boolean.TRUE, synced.rescued());

            // a redelivered rescue changes nothing
            seen = reportsOf(uuid).size();
            compute.rescueServer(HOST, ctx, new RescueServer(uuid, rescueImage));
            assertNull(awaitReport(uuid, seen, "rescue again", ServerStatusReport::operationDone).fault());
            assertEquals(rescue.getId(), docker.inspectContainerCmd(DockerServerDriver.rescueName(uuid)).exec().getId());

            seen = reportsOf(uuid).size();
            compute.unrescueServer(HOST, ctx, new ServerRef(uuid));
            ServerStatusReport unrescued = awaitReport(uuid, seen, "unrescue done", ServerStatusReport::operationDone);
            assertNull(unrescued.fault(), unrescued.fault());
            assertEquals(PowerState.RUNNING, unrescued.powerState());
            assertEquals(Boolean.FALSE, unrescued.rescued());
            assertEquals(0, docker.listContainersCmd().withShowAll(true)
                    .withNameFilter(List.of(DockerServerDriver.rescueName(uuid))).exec().size(), "rescue system gone");
            assertEquals("running", docker.inspectContainerCmd(server.getId()).exec().getState().getStatus());
            assertEquals("repaired\n", exec(server.getId(), "cat", "/etc/app.conf"));

            // from an image the host lacks: a fault, and the server as it was
            seen = reportsOf(uuid).size();
            compute.rescueServer(HOST, ctx, new RescueServer(uuid, "windlass-no-such-image:1"));
            ServerStatusReport refused = awaitReport(uuid, seen, "rescue refused", ServerStatusReport::operationDone);
            assertTrue(refused.fault().contains("windlass-no-such-image:1"), refused.fault());
            assertEquals("running", docker.inspectContainerCmd(server.getId()).exec().getState().getStatus());

            // a rescued server's stop ends the rescue: the server is off, its rescue system gone (Nova stops from RESCUED)
            seen = reportsOf(uuid).size();
            compute.rescueServer(HOST, ctx, new RescueServer(uuid, rescueImage));
            assertNull(awaitReport(uuid, seen, "rescued again", ServerStatusReport::operationDone).fault());
            act(uuid, ServerAction.STOP, PowerState.SHUTDOWN);
            assertEquals(0, docker.listContainersCmd().withShowAll(true)
                    .withNameFilter(List.of(DockerServerDriver.rescueName(uuid))).exec().size(), "rescue system gone");
            assertEquals("exited", docker.inspectContainerCmd(server.getId()).exec().getState().getStatus());

            // a rescued server's delete takes its rescue system too
            seen = reportsOf(uuid).size();
            compute.rescueServer(HOST, ctx, new RescueServer(uuid, rescueImage));
            assertNull(awaitReport(uuid, seen, "rescued a third time", ServerStatusReport::operationDone).fault());
            seen = reportsOf(uuid).size();
            compute.destroyServer(HOST, ctx, new ServerRef(uuid));
            awaitReport(uuid, seen, "gone", r -> r.operationDone() && r.gone());
            assertEquals(0, engineContainers(uuid));
        } finally {
            docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(DockerServerDriver.rescueName(uuid)))
                    .exec().forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        }
    }

    /** busybox with a root home, built here (no registry is reachable): what an image with sshd would have. */
    private String imageWithRootHome() throws InterruptedException {
        String image = "windlass-it-root-home";
        String id = docker.createContainerCmd("busybox").withCmd("mkdir", "-p", "/root")
                .withLabels(Map.of("windlass.meta." + TEST_META, TEST_META_VALUE)).exec().getId();
        docker.startContainerCmd(id).exec();
        docker.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
        // the container's command (mkdir) would become the image's: keep busybox's shell
        docker.commitCmd(id).withRepository(image).withTag("latest").withCmd("sh").exec();
        docker.removeContainerCmd(id).withForce(true).exec();
        return image + ":latest";
    }

    @Test
    void aMissingImageIsAFaultNamingTheImageAndLeavesNothing() {
        String uuid = UUID.randomUUID().toString();
        ServerStatusReport r = spawn(spec(uuid, "windlass-no-such-image:1.0", null, List.of()));

        assertNotNull(r.fault());
        assertTrue(r.fault().contains("windlass-no-such-image:1.0"), r.fault());
        assertTrue(r.fault().contains(HOST), r.fault());
        assertEquals(PowerState.NOSTATE, r.powerState());
        assertNull(r.engineId());
        assertEquals(0, engineContainers(uuid));
        assertFalse(Files.exists(configDrive(uuid)), "no config drive left behind");
    }

    @Test
    void aRedeliveredSpawnReusesTheServerAndADestroyOfAnUnknownServerReportsItGone() {
        String uuid = UUID.randomUUID().toString();
        ServerSpec spec = spec(uuid, "busybox:latest", null, List.of());
        ServerStatusReport first = spawn(spec);
        ServerStatusReport second = spawn(spec);

        assertEquals(PowerState.RUNNING, second.powerState());
        assertNull(second.fault(), second.fault());
        assertEquals(first.engineId(), second.engineId());
        assertEquals(1, engineContainers(uuid));

        compute.destroyServer(HOST, ctx, new ServerRef(uuid));
        awaitReport(uuid, 0, "gone", r -> r.operationDone() && r.gone());
        int seen = reportsOf(uuid).size();
        compute.destroyServer(HOST, ctx, new ServerRef(uuid));
        awaitReport(uuid, seen, "gone again", r -> r.operationDone() && r.gone());
    }

    @Test
    void aRedeliveredSpawnWhoseFirstStartWasCutOffMakesTheServerAgain() {
        String uuid = UUID.randomUUID().toString();
        // what a spawn cut off between the engine's create and its start leaves (the engine restarted
        // under it, and may keep a stale task that a start of this container would trip over)
        String cutOff = docker.createContainerCmd("busybox:latest").withName(DockerServerDriver.engineName(uuid))
                .withCmd("sh").exec().getId();

        ServerStatusReport r = spawn(spec(uuid, "busybox:latest", null, List.of()));

        assertNull(r.fault(), r.fault());
        assertEquals(PowerState.RUNNING, r.powerState());
        assertNotEquals(cutOff, r.engineId(), "made again, not started as it was");
        assertEquals(1, engineContainers(uuid));
    }

    @Test
    void aServerToStayOffIsSpawnedAndPoweredOffAndARedeliveryLeavesItOff() {
        String uuid = UUID.randomUUID().toString();
        ServerSpec s = spec(uuid, "busybox:latest", null, List.of());
        // an evacuated server that was stopped (or any, from 2.95)
        ServerSpec stopped = new ServerSpec(s.uuid(), s.name(), s.hostname(), s.image(), s.vcpus(), s.memoryMb(),
                s.rootGb(), s.metadata(), s.projectId(), s.userId(), s.availabilityZone(), s.launchIndex(),
                s.reservationId(), s.userData(), s.files(), s.network(), true);
        ServerStatusReport first = spawn(stopped);
        assertNull(first.fault(), first.fault());
        assertEquals(PowerState.SHUTDOWN, first.powerState());
        assertEquals("exited", docker.inspectContainerCmd(DockerServerDriver.engineName(uuid)).exec().getState()
                .getStatus());

        ServerStatusReport again = spawn(stopped);
        assertNull(again.fault(), again.fault());
        assertEquals(PowerState.SHUTDOWN, again.powerState());
        assertEquals(first.engineId(), again.engineId());
        assertEquals(1, engineContainers(uuid));
    }

    @Test
    void aServerStoppedBehindWindlasssBackIsReportedShutdownFromTheEventStreamAndTheSync() {
        String uuid = UUID.randomUUID().toString();
        ServerStatusReport spawned = spawn(spec(uuid, "busybox", null, List.of()));
        assertEquals(PowerState.RUNNING, spawned.powerState());

        int seen = reportsOf(uuid).size();
        docker.stopContainerCmd(DockerServerDriver.engineName(uuid)).withTimeout(1).exec();
        ServerStatusReport stopped = awaitReport(uuid, seen, "SHUTDOWN from an event",
                r -> !r.operationDone() && r.powerState() == PowerState.SHUTDOWN);
        assertNull(stopped.fault());
        assertEquals(spawned.engineId(), stopped.engineId());

        // the periodic sync reports servers too
        Instant beforeSync = Instant.now();
        host.sync().syncAll();
        ServerStatusReport synced = awaitReport(uuid, 0, "from the sync",
                r -> !r.operationDone() && r.observedAt().isAfter(beforeSync));
        assertEquals(PowerState.SHUTDOWN, synced.powerState());

        seen = reportsOf(uuid).size();
        docker.removeContainerCmd(DockerServerDriver.engineName(uuid)).withForce(true).exec();
        awaitReport(uuid, seen, "gone from an event", r -> !r.operationDone() && r.gone());
    }
}

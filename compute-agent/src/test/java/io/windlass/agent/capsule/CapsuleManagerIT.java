package io.windlass.agent.capsule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.ComputeHost;
import io.windlass.agent.driver.docker.DockerCapsuleDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberSpec.VolumeMount;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Capsules on the real dockerd, driven over the real RabbitMQ as the conductor would. */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapsuleManagerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    ComputeHost host;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private DockerClient docker;
    private ConductorProbe conductor;

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(30));
        conductor = ConductorProbe.listen(connection, json);
    }

    @AfterAll
    void cleanUp() throws Exception {
        conductor.close();
        docker.close();
    }

    @Test
    void initRunsFirstMembersShareTheNetworkAndVolumeAndDeleteLeavesNothing() throws Exception {
        String uuid = UUID.randomUUID().toString();
        VolumeMount www = new VolumeMount("www", "/www", false);
        CapsuleMemberSpec init = member("prep", List.of("sh", "-c", "echo served-by-web > /www/index.html"), www);
        CapsuleMemberSpec web = member("web", List.of("httpd", "-f", "-p", "8080", "-h", "/www"), www);
        CapsuleMemberSpec client = member("client", List.of("sh", "-c",
                "until wget -qO- http://127.0.0.1:8080/ > /www/answer; do sleep 0.2; done; sleep 3600"), www);
        CapsuleSpec spec = new CapsuleSpec(uuid, "it-cap", "always", List.of(init), List.of(web, client),
                List.of(new CapsuleVolumeSpec("www", 1, null, true)));

        compute.createCapsule(AgentQueuesReset.HOST, ctx, new CreateCapsule(spec));
        CapsuleStatusReport created = awaitReport(uuid, "created", CapsuleStatusReport::operationDone);
        assertEquals(ContainerStatus.RUNNING, created.status(), "reason: " + created.statusReason());
        assertEquals(ContainerStatus.STOPPED, created.members().getFirst().status(), "the init container finished");
        assertEquals(0, created.members().getFirst().exitCode());
        assertTrue(!created.addresses().isEmpty(), "the sandbox's addresses are the capsule's");

        String answer = awaitFile(DockerCapsuleDriver.memberName(client), "/www/answer");
        assertEquals("served-by-web", answer.trim(), "the client reached the web container on localhost");
        String sandboxId = docker.inspectContainerCmd(DockerCapsuleDriver.sandboxName(uuid)).exec().getId();
        assertEquals("container:" + sandboxId, docker.inspectContainerCmd(DockerCapsuleDriver.memberName(web)).exec()
                .getHostConfig().getNetworkMode());
        assertTrue(List.of(docker.inspectContainerCmd(sandboxId).exec().getConfig().getExposedPorts()).stream()
                .anyMatch(p -> p.getPort() == 8080), "the sandbox, owner of the namespace, exposes the members' ports");

        compute.deleteCapsule(AgentQueuesReset.HOST, ctx, new DeleteCapsule(spec));
        awaitReport(uuid, "gone", CapsuleStatusReport::gone);
        assertEquals(0, containersOf(uuid), "members and sandbox removed");
        assertTrue(docker.listVolumesCmd().exec().getVolumes().stream()
                .noneMatch(v -> v.getName().contains(uuid)), "the auto-remove volume is removed");
    }

    @Test
    void aFailingInitContainerFailsTheCapsuleAndLeavesNothing() {
        String uuid = UUID.randomUUID().toString();
        VolumeMount data = new VolumeMount("data", "/data", false);
        CapsuleMemberSpec init = member("broken", List.of("sh", "-c", "exit 3"), data);
        CapsuleMemberSpec app = member("app", List.of("sleep", "3600"), data);
        CapsuleSpec spec = new CapsuleSpec(uuid, "it-bad", "always", List.of(init), List.of(app),
                List.of(new CapsuleVolumeSpec("data", 1, null, false)));

        compute.createCapsule(AgentQueuesReset.HOST, ctx, new CreateCapsule(spec));
        CapsuleStatusReport failed = awaitReport(uuid, "failed", CapsuleStatusReport::operationDone);
        assertEquals(ContainerStatus.ERROR, failed.status());
        assertTrue(failed.statusReason().contains(init.name()), failed.statusReason());
        assertTrue(failed.statusReason().contains("code 3"), failed.statusReason());
        assertEquals(0, containersOf(uuid), "the app container never started and nothing is left");
        assertTrue(docker.listVolumesCmd().exec().getVolumes().stream().noneMatch(v -> v.getName().contains(uuid)));
    }

    @Test
    void aCapsuleRemovedWholesaleBehindTheAgentsBackIsReportedGone() {
        String uuid = UUID.randomUUID().toString();
        CapsuleSpec spec = new CapsuleSpec(uuid, "it-vanish", "always", List.of(),
                List.of(member("only", List.of("sleep", "3600"), new VolumeMount("v", "/v", false))),
                List.of(new CapsuleVolumeSpec("v", 1, null, true)));
        compute.createCapsule(AgentQueuesReset.HOST, ctx, new CreateCapsule(spec));
        assertEquals(ContainerStatus.RUNNING, awaitReport(uuid, "created", CapsuleStatusReport::operationDone)
                .status());

        docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerCapsuleDriver.CAPSULE_LABEL, uuid)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());

        CapsuleStatusReport gone = awaitReport(uuid, "gone after docker rm", r -> r.gone() && !r.operationDone());
        assertEquals(AgentQueuesReset.HOST, gone.host());
        docker.removeVolumeCmd("windlass-capsule-" + uuid + "-v").exec();
    }

    /** A member that exits 0 on SIGTERM (the shell runs its trap after the current one-second sleep). */
    private static CapsuleMemberSpec graceful(String name, VolumeMount mount) {
        return member(name, List.of("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"), mount);
    }

    @Test
    void theCapsuleStatusFollowsMembersStoppedBehindTheAgentsBack() {
        VolumeMount scratch = new VolumeMount("scratch", "/scratch", false);
        // sleep dies of the SIGTERM (exit 143): with restart policy "no" that is a failure
        String failing = UUID.randomUUID().toString();
        CapsuleMemberSpec web = member("web", List.of("sleep", "3600"), scratch);
        CapsuleMemberSpec side = graceful("side", scratch);
        CapsuleSpec failingSpec = new CapsuleSpec(failing, "it-follow", "no", List.of(), List.of(web, side),
                List.of(new CapsuleVolumeSpec("scratch", 1, null, true)));
        // both members exit 0 when stopped
        String stopping = UUID.randomUUID().toString();
        CapsuleMemberSpec a = graceful("a", scratch);
        CapsuleMemberSpec b = graceful("b", scratch);
        CapsuleSpec stoppingSpec = new CapsuleSpec(stopping, "it-stop", "no", List.of(), List.of(a, b),
                List.of(new CapsuleVolumeSpec("scratch", 1, null, true)));
        compute.createCapsule(AgentQueuesReset.HOST, ctx, new CreateCapsule(failingSpec));
        compute.createCapsule(AgentQueuesReset.HOST, ctx, new CreateCapsule(stoppingSpec));
        assertEquals(ContainerStatus.RUNNING, awaitReport(failing, "created", CapsuleStatusReport::operationDone)
                .status());
        assertEquals(ContainerStatus.RUNNING, awaitReport(stopping, "created", CapsuleStatusReport::operationDone)
                .status());

        docker.stopContainerCmd(DockerCapsuleDriver.memberName(web)).withTimeout(5).exec();
        CapsuleStatusReport failed = awaitReport(failing, "Error after web was stopped",
                r -> !r.operationDone() && r.status() == ContainerStatus.ERROR);
        assertTrue(failed.statusReason().contains(web.name()) && failed.statusReason().contains("143"),
                failed.statusReason());
        assertEquals(List.of(web.uuid(), side.uuid()), failed.members().stream().map(m -> m.uuid()).toList());
        assertFalse(failed.addresses().isEmpty(), "the sandbox still has its address");

        docker.stopContainerCmd(DockerCapsuleDriver.memberName(a)).withTimeout(5).exec();
        CapsuleStatusReport half = awaitReport(stopping, "a stopped",
                r -> !r.operationDone() && r.members().stream().anyMatch(m -> m.uuid().equals(a.uuid())
                        && m.status() == ContainerStatus.STOPPED));
        assertEquals(ContainerStatus.RUNNING, half.status(), "one app container still runs");
        docker.stopContainerCmd(DockerCapsuleDriver.memberName(b)).withTimeout(5).exec();
        awaitReport(stopping, "Stopped once all stopped", r -> !r.operationDone()
                && r.status() == ContainerStatus.STOPPED);

        // the periodic sync rebuilds the capsule from the engine's labels alone and reports it again
        Instant beforeSync = Instant.now();
        host.sync().syncAll();
        CapsuleStatusReport synced = awaitReport(stopping, "from the sync",
                r -> !r.operationDone() && r.observedAt().isAfter(beforeSync));
        assertEquals(ContainerStatus.STOPPED, synced.status());
        assertEquals(0, synced.members().stream().filter(m -> m.exitCode() == null || m.exitCode() != 0).count());

        // members are never reported as Zun containers
        List<String> memberUuids = List.of(web.uuid(), side.uuid(), a.uuid(), b.uuid());
        assertTrue(conductor.received(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class).stream()
                .noneMatch(r -> memberUuids.contains(r.uuid())));

        compute.deleteCapsule(AgentQueuesReset.HOST, ctx, new DeleteCapsule(failingSpec));
        compute.deleteCapsule(AgentQueuesReset.HOST, ctx, new DeleteCapsule(stoppingSpec));
        awaitReport(failing, "gone", CapsuleStatusReport::gone);
        awaitReport(stopping, "gone", CapsuleStatusReport::gone);
        assertEquals(0, containersOf(failing) + containersOf(stopping));
    }

    private static CapsuleMemberSpec member(String name, List<String> command, VolumeMount mount) {
        List<String> ports = name.equals("web") ? List.of("8080/tcp") : List.of();
        return new CapsuleMemberSpec(UUID.randomUUID().toString(), "capsule-it-" + name, name, "busybox:latest",
                command, Map.of(), null, 0, 0, ports, List.of(mount));
    }

    private int containersOf(String uuid) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerCapsuleDriver.CAPSULE_LABEL, uuid)).exec().size();
    }

    private String awaitFile(String container, String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            String id = docker.execCreateCmd(container).withCmd("cat", path).withAttachStdout(true).exec().getId();
            StringBuilder out = new StringBuilder();
            docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion();
            if (!out.isEmpty()) {
                return out.toString();
            }
            Thread.sleep(200);
        }
        return fail("no " + path + " in " + container);
    }

    private CapsuleStatusReport awaitReport(String uuid, String what, Predicate<CapsuleStatusReport> match) {
        return conductor.await(ConductorRpcApi.REPORT_CAPSULE_STATUS, CapsuleStatusReport.class,
                r -> r.uuid().equals(uuid) && match.test(r), WAIT, "capsule report " + what + " for " + uuid);
    }
}

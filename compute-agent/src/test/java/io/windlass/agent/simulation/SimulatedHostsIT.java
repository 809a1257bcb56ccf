package io.windlass.agent.simulation;

import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.testing.ConductorProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.rpc.RpcConnection;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import io.windlass.server.ServerStatusReport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fake-driver agent simulating 20 hosts, seen from the conductor's side of RabbitMQ:
 * every host heart-beats under its own name and serves creates on its own topic.
 */
@QuarkusTest
@TestProfile(SimulatedHostsIT.TwentyHosts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedHostsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** 20 hosts it-sim-0001..0020 with 2 s heartbeats. */
    public static class TwentyHosts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.agent.driver", "fake",
                    "windlass.agent.fake.host-count", "20",
                    "windlass.agent.fake.host-prefix", "it-sim-",
                    "windlass.agent.fake.memory-mb", "4096",
                    "windlass.agent.heartbeat-interval", "2s");
        }
    }

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    SimulatedHosts simulation;

    private final Instant started = Instant.now();
    private ConductorProbe conductor;

    @BeforeAll
    void listenAsTheConductor() throws IOException {
        conductor = ConductorProbe.listen(connection, json);
    }

    @AfterAll
    void stopListening() throws Exception {
        conductor.close();
    }

    @Test
    void everySimulatedHostHeartBeatsUnderItsOwnName() throws InterruptedException {
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(String.format("it-sim-%04d", i));
        }
        assertEquals(expected, new TreeSet<>(simulation.hosts()));

        Set<String> seen = Set.of();
        Instant deadline = Instant.now().plus(WAIT);
        while (!seen.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            seen = heartbeats().stream().map(HostState::host).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, seen);
        HostState one = heartbeats().stream().filter(h -> h.host().equals("it-sim-0007")).findFirst().orElseThrow();
        assertEquals("fake", one.driver());
        assertEquals(4096, one.memoryMb());
        assertEquals(16.0, one.vcpus());
    }

    @Test
    void eachHostServesCreatesOnItsOwnTopic() throws InterruptedException {
        RequestContext ctx = RequestContext.internal("simulated-hosts-it");
        String onThree = UUID.randomUUID().toString();
        String onSeventeen = UUID.randomUUID().toString();
        compute.createContainer("it-sim-0003", ctx, new CreateContainer(spec(onThree), true));
        compute.createContainer("it-sim-0017", ctx, new CreateContainer(spec(onSeventeen), false));

        ContainerStatusReport three = awaitDone(onThree);
        assertEquals("it-sim-0003", three.host());
        assertEquals(ContainerStatus.RUNNING, three.status());
        ContainerStatusReport seventeen = awaitDone(onSeventeen);
        assertEquals("it-sim-0017", seventeen.host());
        assertEquals(ContainerStatus.CREATED, seventeen.status());
    }

    @Test
    void eachHostSpawnsAndPowersFakeServers() {
        RequestContext ctx = RequestContext.internal("simulated-hosts-it");
        String uuid = UUID.randomUUID().toString();
        compute.spawnServer("it-sim-0005", ctx, new ServerSpec(uuid, "vm", "vm", "busybox", 1, 512, 1, Map.of(),
                "p1", "u1", "nova", 0, "r-1", null, List.of(), "auto"));
        ServerStatusReport spawned = awaitServer(uuid, r -> r.operationDone());
        assertEquals("it-sim-0005", spawned.host());
        assertEquals(PowerState.RUNNING, spawned.powerState());
        assertEquals(1, spawned.addresses().get("fake-net").size());

        compute.serverAction("it-sim-0005", ctx, new ServerOperation(uuid, ServerAction.STOP));
        awaitServer(uuid, r -> r.operationDone() && r.powerState() == PowerState.SHUTDOWN);
        compute.destroyServer("it-sim-0005", ctx, new ServerRef(uuid));
        awaitServer(uuid, r -> r.operationDone() && r.gone());

        String missing = UUID.randomUUID().toString();
        compute.spawnServer("it-sim-0006", ctx, new ServerSpec(missing, "vm", "vm", "nosuch", 1, 512, 1, Map.of(),
                "p1", "u1", "nova", 0, "r-1", null, List.of(), "auto"));
        assertTrue(awaitServer(missing, r -> r.operationDone()).fault().contains("nosuch:latest"));
    }

    @Test
    void eachHostCreatesAndDeletesFakeCapsules() {
        RequestContext ctx = RequestContext.internal("simulated-hosts-it");
        String uuid = UUID.randomUUID().toString();
        CapsuleSpec capsule = new CapsuleSpec(uuid, "cap", "always", List.of(),
                List.of(new CapsuleMemberSpec(UUID.randomUUID().toString(), "capsule-cap-web", "web", "busybox",
                        List.of("sleep", "60"), Map.of(), null, 0.25, 32, List.of(), List.of())), List.of());
        compute.createCapsule("it-sim-0009", ctx, new CreateCapsule(capsule));
        CapsuleStatusReport created = awaitCapsule(uuid, r -> r.operationDone());
        assertEquals("it-sim-0009", created.host());
        assertEquals(ContainerStatus.RUNNING, created.status());
        assertEquals(1, created.members().size());

        compute.deleteCapsule("it-sim-0009", ctx, new DeleteCapsule(capsule));
        awaitCapsule(uuid, r -> r.operationDone() && r.gone());
    }

    private CapsuleStatusReport awaitCapsule(String uuid, java.util.function.Predicate<CapsuleStatusReport> match) {
        return conductor.await(ConductorRpcApi.REPORT_CAPSULE_STATUS, CapsuleStatusReport.class,
                r -> r.uuid().equals(uuid) && match.test(r), WAIT, "capsule report for " + uuid);
    }

    private ServerStatusReport awaitServer(String uuid, java.util.function.Predicate<ServerStatusReport> match) {
        return conductor.await(ConductorRpcApi.REPORT_SERVER_STATUS, ServerStatusReport.class,
                r -> r.uuid().equals(uuid) && match.test(r), WAIT, "server report for " + uuid);
    }

    private List<HostState> heartbeats() {
        return conductor.received(ConductorRpcApi.REPORT_HOST_STATE, HostState.class).stream()
                // the namespace's queue may hold heartbeats of an earlier run
                .filter(h -> h.sentAt().isAfter(started.minusSeconds(1)))
                .toList();
    }

    private ContainerStatusReport awaitDone(String uuid) {
        return conductor.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                r -> r.uuid().equals(uuid) && r.operationDone(), WAIT, "report for " + uuid);
    }

    private static ContainerSpec spec(String uuid) {
        return ContainerSpecs.container(uuid).name("sim-" + uuid.substring(0, 8)).command(List.of("sleep", "60"))
                .limits(0.5, 64).build();
    }
}

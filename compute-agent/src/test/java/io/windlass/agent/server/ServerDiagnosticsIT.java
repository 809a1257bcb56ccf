package io.windlass.agent.server;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.agent.driver.docker.DockerClientFactory;
import io.windlass.agent.driver.docker.DockerServerDriver;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.RunningServers;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.server.PowerState;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's diagnostics of a server on the real dockerd, asked as the api-service asks (compute RPC
 * {@code server_diagnostics}): the flavor's memory and vCPU, the engine's interface with its MAC, the
 * config drive, counters that count; and Nova's InstanceInvalidState for a server that does not run.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerDiagnosticsIT {
    private static final String HOST = AgentQueuesReset.HOST;
    private static final String LABEL = "server-diagnostics-it";

    @Inject
    ComputeRpcApi compute;
    @Inject
    ServerConfig config;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));
    private final List<String> spawned = new CopyOnWriteArrayList<>();
    private DockerClient docker;

    @BeforeAll
    void engine() {
        docker = DockerClientFactory.create("unix:///var/run/docker.sock", Duration.ofSeconds(60));
        removeTestServers();
    }

    @AfterAll
    void cleanUp() throws Exception {
        removeTestServers();
        ConfigDriveBuilder drives = new ConfigDriveBuilder(config.configDriveDir());
        spawned.forEach(drives::remove);
        docker.close();
    }

    private void removeTestServers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("windlass.meta.test", LABEL)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }

    /** A running busybox server of 1 vCPU and 64 MiB on the engine's default network, as the conductor has it spawned. */
    private String running() throws InterruptedException {
        String uuid = UUID.randomUUID().toString();
        spawned.add(uuid);
        compute.spawnServer(HOST, ctx, new ServerSpec(uuid, "diag-" + uuid.substring(0, 8), "diag", "busybox:latest",
                1, 64, 1, Map.of("test", LABEL), "project-1", "user-1", "nova", 0, "r-it", null, List.of(), "auto"));
        RunningServers.await(docker, uuid, "busybox:latest");
        return uuid;
    }

    @Test
    void aRunningServerShowsItsFlavorItsInterfaceAndWhatItDid() throws Exception {
        String uuid = running();
        String name = DockerServerDriver.engineName(uuid);
        long before = compute.serverDiagnostics(HOST, ctx, new ServerRef(uuid)).cpus().getFirst().timeNs();
        // something for the counters to count: a file written and synced, a busy second or two
        var exec = docker.execCreateCmd(name).withCmd("sh", "-c",
                "dd if=/dev/zero of=/tmp/f bs=64k count=16 && sync; t=$(($(date +%s)+2)); "
                        + "while [ $(date +%s) -lt $t ]; do :; done").exec();
        docker.execStartCmd(exec.getId()).start().awaitCompletion();

        ServerDiagnostics d = compute.serverDiagnostics(HOST, ctx, new ServerRef(uuid));

        InspectContainerResponse inspect = docker.inspectContainerCmd(name).exec();
        assertEquals(PowerState.RUNNING, d.state());
        assertEquals("docker", d.hypervisor());
        assertEquals("linux", d.hypervisorOs());
        assertTrue(d.uptime() >= 1 && d.uptime() < 60, "uptime " + d.uptime());
        assertTrue(d.configDrive(), "the config drive is bound in");
        assertEquals(64L, d.memory().maximumMib());
        assertTrue(d.memory().usedMib() >= 0 && d.memory().usedMib() < 64, "used " + d.memory().usedMib());
        assertEquals(1, d.cpus().size());
        assertEquals(0, d.cpus().getFirst().id());
        // the host is shared (and the vCPU a quota): of the busy time, at least a tenth is the guest's
        assertTrue(d.cpus().getFirst().timeNs() - before >= 100_000_000L, "CPU time since " + before + ": " + d.cpus());
        assertNotNull(d.cpus().getFirst().utilisation());

        assertEquals(1, d.nics().size());
        ServerDiagnostics.Nic nic = d.nics().getFirst();
        assertEquals("eth0", nic.name());
        String mac = inspect.getNetworkSettings().getNetworks().values().iterator().next().getMacAddress();
        assertEquals(mac, nic.macAddress());
        assertNotNull(nic.rxOctets());
        assertNotNull(nic.txPackets());

        assertEquals(1, d.disks().size());
        assertNotNull(d.disks().getFirst().writeBytes());
    }

    @Test
    void aServerThatDoesNotRunIsNovasInstanceInvalidState() throws Exception {
        String paused = running();
        docker.pauseContainerCmd(DockerServerDriver.engineName(paused)).exec();
        RemoteException refused = assertThrows(RemoteException.class,
                () -> compute.serverDiagnostics(HOST, ctx, new ServerRef(paused)));
        assertEquals(ComputeRpcApi.INSTANCE_INVALID_STATE, refused.type());
        assertEquals("Cannot 'get_diagnostics' instance " + paused + " while it is in power state paused",
                refused.getMessage());
        docker.unpauseContainerCmd(DockerServerDriver.engineName(paused)).exec();

        docker.stopContainerCmd(DockerServerDriver.engineName(paused)).withTimeout(0).exec();
        assertEquals("Cannot 'get_diagnostics' instance " + paused + " while it is in power state shutdown",
                assertThrows(RemoteException.class,
                        () -> compute.serverDiagnostics(HOST, ctx, new ServerRef(paused))).getMessage());

        String unknown = UUID.randomUUID().toString();
        RemoteException gone = assertThrows(RemoteException.class,
                () -> compute.serverDiagnostics(HOST, ctx, new ServerRef(unknown)));
        assertEquals(ComputeRpcApi.INSTANCE_INVALID_STATE, gone.type());
        assertEquals("Cannot 'get_diagnostics' instance " + unknown + " while it is in power state pending",
                gone.getMessage());
    }
}

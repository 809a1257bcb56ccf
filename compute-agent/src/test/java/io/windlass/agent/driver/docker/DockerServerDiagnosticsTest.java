package io.windlass.agent.driver.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Statistics;
import io.windlass.server.PowerState;
import io.windlass.server.ServerDiagnostics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's inspect and stats (as dockerd 20.10 on cgroup v1 writes them) as Nova's diagnostics. */
class DockerServerDiagnosticsTest {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A running m1.nano-like server (1 vCPU, 64 MiB) on one network, with its config drive. */
    private static final String INSPECT = """
            {"Id": "5e0a65fa", "Platform": "linux",
             "State": {"Status": "running", "Running": true, "StartedAt": "2026-01-10T11:59:00.6104167Z",
                       "FinishedAt": "0001-01-01T00:00:00Z"},
             "HostConfig": {"Memory": 67108864, "NanoCpus": %d},
             "Mounts": [{"Type": "bind", "Source": "/var/lib/windlass/config-drives/x", "Destination": "/mnt/config",
                         "RW": false}],
             "NetworkSettings": {"Networks": {%s}}}
            """;
    private static final String ONE_NETWORK = """
            "windlass-net-1": {"MacAddress": "fa:16:3e:00:00:01", "IPAddress": "198.18.0.5"}""";
    private static final String STATS = """
            {"blkio_stats": {"io_service_bytes_recursive": [
                {"major": 8, "minor": 0, "op": "Read", "value": 4096},
                {"major": 8, "minor": 0, "op": "Write", "value": 102400},
                {"major": 8, "minor": 0, "op": "Total", "value": 106496}],
              "io_serviced_recursive": [
                {"major": 8, "minor": 0, "op": "Read", "value": 1},
                {"major": 8, "minor": 0, "op": "Write", "value": 25}]},
             "cpu_stats": {"cpu_usage": {"total_usage": 1055435426, "percpu_usage": [38210490, 17224936]},
                           "system_cpu_usage": 886100000000, "online_cpus": 2},
             "precpu_stats": {"cpu_usage": {"total_usage": 555435426, "percpu_usage": [38210490, 17224936]},
                              "system_cpu_usage": 884100000000, "online_cpus": 2},
             "memory_stats": {"usage": 11534336, "limit": 67108864,
                              "stats": {"total_inactive_file": 1048576}},
             "networks": {%s}}
            """;
    private static final String ETH0 = """
            "eth0": {"rx_bytes": 1042, "rx_packets": 11, "rx_errors": 1, "rx_dropped": 2,
                     "tx_bytes": 90, "tx_packets": 3, "tx_errors": 4, "tx_dropped": 5}""";
    private static final String ETH1 = """
            "eth1": {"rx_bytes": 7, "rx_packets": 1, "rx_errors": 0, "rx_dropped": 0,
                     "tx_bytes": 0, "tx_packets": 0, "tx_errors": 0, "tx_dropped": 0}""";

    private static ServerDiagnostics diagnose(long nanoCpus, String networks, String interfaces) throws Exception {
        InspectContainerResponse inspect = JSON.readValue(INSPECT.formatted(nanoCpus, networks),
                InspectContainerResponse.class);
        Statistics stats = JSON.readValue(STATS.formatted(interfaces), Statistics.class);
        return DockerServerDiagnostics.of(inspect, stats, "/mnt/config", NOW);
    }

    @Test
    void aRunningServerHasItsFlavorsMemoryItsCpuTimeItsInterfaceAndItsRootDisk() throws Exception {
        ServerDiagnostics d = diagnose(1_000_000_000L, ONE_NETWORK, ETH0);
        assertEquals(PowerState.RUNNING, d.state());
        assertEquals("docker", d.hypervisor());
        assertEquals("linux", d.hypervisorOs());
        assertEquals(59L, d.uptime());
        assertTrue(d.configDrive());
        // 64 MiB limit; 11 MiB in use less 1 MiB of inactive page cache, as docker stats counts it
        assertEquals(new ServerDiagnostics.Memory(64L, 10L), d.memory());
        // 0.5 s of CPU in 2 s of two host CPUs' time: a quarter of both, half of one, the vCPU's
        assertEquals(List.of(new ServerDiagnostics.Cpu(0, 1055435426L, 50)), d.cpus());
        assertEquals(List.of(new ServerDiagnostics.Nic("eth0", "fa:16:3e:00:00:01", 1042L, 1L, 2L, 11L, 90L, 4L, 5L,
                3L)), d.nics());
        assertEquals(List.of(new ServerDiagnostics.Disk("root", 4096L, 1L, 102400L, 25L, null)), d.disks());
    }

    @Test
    void severalVcpusAreCountedButTheirSharesAreUnknown() throws Exception {
        ServerDiagnostics d = diagnose(2_000_000_000L, ONE_NETWORK, ETH0);
        assertEquals(List.of(new ServerDiagnostics.Cpu(0, null, null), new ServerDiagnostics.Cpu(1, null, null)),
                d.cpus());
    }

    @Test
    void severalInterfacesAreCountedWithoutGuessingTheirMacs() throws Exception {
        ServerDiagnostics d = diagnose(1_000_000_000L, ONE_NETWORK + ", \"windlass-net-2\": {\"MacAddress\": "
                + "\"fa:16:3e:00:00:02\"}", ETH1 + ", " + ETH0);
        assertEquals(List.of("eth0", "eth1"), d.nics().stream().map(ServerDiagnostics.Nic::name).toList());
        assertTrue(d.nics().stream().allMatch(n -> n.macAddress() == null), d.nics().toString());
        assertEquals(7L, d.nics().get(1).rxOctets());
    }

    @Test
    void aServerWithoutNetworkHasNoInterfaceAndWithoutConfigDriveSaysSo() throws Exception {
        InspectContainerResponse inspect = JSON.readValue(INSPECT.formatted(1_000_000_000L,
                "\"none\": {\"MacAddress\": \"\"}").replace("/mnt/config", "/data"), InspectContainerResponse.class);
        Statistics stats = JSON.readValue(STATS.formatted(""), Statistics.class);
        ServerDiagnostics d = DockerServerDiagnostics.of(inspect, stats, "/mnt/config", NOW);
        assertTrue(d.nics().isEmpty());
        assertFalse(d.configDrive());
    }

    @Test
    void whatTheEngineDoesNotSayIsNull() throws Exception {
        InspectContainerResponse inspect = JSON.readValue("""
                {"State": {"Status": "paused", "StartedAt": "0001-01-01T00:00:00Z"}}""",
                InspectContainerResponse.class);
        ServerDiagnostics d = DockerServerDiagnostics.of(inspect, JSON.readValue("{}", Statistics.class),
                "/mnt/config", NOW);
        assertEquals(PowerState.PAUSED, d.state());
        assertNull(d.uptime());
        assertNull(d.hypervisorOs());
        assertEquals(new ServerDiagnostics.Memory(null, null), d.memory());
        assertTrue(d.cpus().isEmpty() && d.nics().isEmpty() && d.disks().isEmpty());
    }
}

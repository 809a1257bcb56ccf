package io.windlass.server.api;

import io.windlass.server.PowerState;
import io.windlass.server.ServerDiagnostics;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nova's two diagnostics formats (its api samples' shapes) from what a host read. */
class ServerDiagnosticsViewTest {
    /** As the docker host reads an m1.nano server on one network. */
    private static final ServerDiagnostics READ = new ServerDiagnostics(PowerState.RUNNING, "docker", "linux", 46664L,
            true, new ServerDiagnostics.Memory(64L, 3L), List.of(new ServerDiagnostics.Cpu(0, 17300000000L, 15)),
            List.of(new ServerDiagnostics.Nic("eth0", "fa:16:3e:00:00:01", 2070139L, 100L, 200L, 26701L, 140208L,
                    400L, 500L, 662L)),
            List.of(new ServerDiagnostics.Disk("root", 262144L, 112L, 5778432L, 488L, null)));

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void fromV248EveryStandardFieldIsThereWithNullsForWhatTheHostDoesNotMeasure() {
        Map<String, Object> expected = ordered(
                "state", "running", "driver", "libvirt", "hypervisor", "docker", "hypervisor_os", "linux",
                "uptime", 46664L, "config_drive", true, "num_cpus", 1, "num_nics", 1, "num_disks", 1,
                "disk_details", List.of(ordered("read_bytes", 262144L, "read_requests", 112L, "write_bytes", 5778432L,
                        "write_requests", 488L, "errors_count", null)),
                "cpu_details", List.of(ordered("id", 0, "time", 17300000000L, "utilisation", 15)),
                "nic_details", List.of(ordered("mac_address", "fa:16:3e:00:00:01", "rx_octets", 2070139L,
                        "rx_errors", 100L, "rx_drop", 200L, "rx_packets", 26701L, "rx_rate", null,
                        "tx_octets", 140208L, "tx_errors", 400L, "tx_drop", 500L, "tx_packets", 662L,
                        "tx_rate", null)),
                "memory_details", ordered("maximum", 64L, "used", 3L));
        assertEquals(expected, ServerDiagnosticsView.standard(READ));
    }

    @Test
    void beforeV248TheFiguresAreNamedAsLibvirtNamesThemAndMemoryIsInKib() {
        Map<String, Object> expected = ordered("cpu0_time", 17300000000L,
                "root_read_req", 112L, "root_read", 262144L, "root_write_req", 488L, "root_write", 5778432L,
                "eth0_rx", 2070139L, "eth0_rx_packets", 26701L, "eth0_rx_errors", 100L, "eth0_rx_drop", 200L,
                "eth0_tx", 140208L, "eth0_tx_packets", 662L, "eth0_tx_errors", 400L, "eth0_tx_drop", 500L,
                "memory", 65536L, "memory-actual", 65536L, "memory-rss", 3072L);
        assertEquals(expected, ServerDiagnosticsView.freeForm(READ));
    }

    @Test
    void aHostThatCountsNothingStillAnswersBothFormats() {
        // the fake driver's: the flavor, one made-up interface, no counters
        ServerDiagnostics fake = new ServerDiagnostics(PowerState.RUNNING, "fake", null, null, false,
                new ServerDiagnostics.Memory(512L, null), List.of(new ServerDiagnostics.Cpu(0, null, null),
                new ServerDiagnostics.Cpu(1, null, null)), List.of(new ServerDiagnostics.Nic("eth0",
                "fa:16:3e:00:00:02", null, null, null, null, null, null, null, null)), List.of());
        assertEquals(Map.of("memory", 524288L, "memory-actual", 524288L), ServerDiagnosticsView.freeForm(fake));
        Map<String, Object> standard = ServerDiagnosticsView.standard(fake);
        assertEquals(2, standard.get("num_cpus"));
        assertEquals(0, standard.get("num_disks"));
        assertEquals(List.of(), standard.get("disk_details"));
        assertEquals(ordered("maximum", 512L, "used", null), standard.get("memory_details"));
        assertEquals(ordered("id", 1, "time", null, "utilisation", null),
                ((List<?>) standard.get("cpu_details")).get(1));
    }
}

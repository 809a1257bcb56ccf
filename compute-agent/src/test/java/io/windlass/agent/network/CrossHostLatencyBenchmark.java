package io.windlass.agent.network;

import io.windlass.network.FixedIp;
import io.windlass.network.PortSpec;
import io.windlass.network.SubnetSpec;
import io.windlass.network.NetworkBinding;
import com.github.dockerjava.api.model.HostConfig;
import io.windlass.agent.testing.RoundTrips;
import io.windlass.agent.testing.ScriptedEngineHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Not a test (no assertion on figures; {@code deploy/local/bench-dataplane} runs it): the
 * round-trip time between two containers of one network on two hosts (VXLAN over the underlay
 * through the root namespace) against two containers on one host's bridge, and the underlay alone,
 * measured in the same run, in interleaved rounds so that a busy moment of the machine hits all
 * three alike. Writes {@code target/benchmark-dataplane.txt}.
 */
class CrossHostLatencyBenchmark {
    private static final Path STATE = Path.of("/tmp/windlass-dataplane-bench");
    private static final String NET = "0b6a44a5-53d8-4c1c-9e26-3f1a0e0c4244";
    private static final Map<String, String> LABELS = Map.of("windlass.test", "cross-host-latency-benchmark");

    @Test
    void crossHostAgainstOneBridge() throws Exception {
        int pings = Integer.getInteger("windlass.bench.pings", 300);
        int rounds = Integer.getInteger("windlass.bench.rounds", 3);
        List<ScriptedEngineHost> hosts = new ArrayList<>();
        try {
            ScriptedEngineHost host1 = ScriptedEngineHost.start(231, STATE);
            hosts.add(host1);
            ScriptedEngineHost host2 = ScriptedEngineHost.start(232, STATE);
            hosts.add(host2);
            NetworkBinding x = new NetworkBinding(NET, 4244, 1450,
                    List.of(new SubnetSpec("198.19.252.0/24", "198.19.252.1", 4)),
                    List.of(host1.underlayAddress(), host2.underlayAddress()));
            EngineNetworks networks1 = host1.networks(Optional.of(host1.underlayAddress()));
            EngineNetworks networks2 = host2.networks(Optional.of(host2.underlayAddress()));
            String a = host1.runOnPort(networks1, x, port("a", "fa:16:3e:00:01:0a", "198.19.252.10"), "wl-bench-a",
                    LABELS, HostConfig.newHostConfig());
            host1.runOnPort(networks1, x, port("a2", "fa:16:3e:00:01:0c", "198.19.252.12"), "wl-bench-a2", LABELS,
                    HostConfig.newHostConfig());
            host2.runOnPort(networks2, x, port("b", "fa:16:3e:00:01:0b", "198.19.252.11"), "wl-bench-b", LABELS,
                    HostConfig.newHostConfig());

            String interval = "0.01";
            Map<String, Supplier<String>> paths = new LinkedHashMap<>();
            paths.put("containers on two hosts (VXLAN)  ", () -> host1.exec(a, "ping", "-c", String.valueOf(pings),
                    "-i", interval, "198.19.252.11").stdout());
            paths.put("containers on one host's bridge  ", () -> host1.exec(a, "ping", "-c", String.valueOf(pings),
                    "-i", interval, "198.19.252.12").stdout());
            paths.put("underlay alone, host to host     ", () -> host1.commands().runOrFail(List.of("busybox", "ping",
                    "-c", String.valueOf(pings), "-i", interval, host2.underlayAddress())));
            // warm-up: ARP, FDB learning, caches; not counted
            paths.values().forEach(Supplier::get);

            Map<String, RoundTrips> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Supplier<String>> path : paths.entrySet()) {
                    RoundTrips trips = RoundTrips.parse(path.getValue().get());
                    results.merge(path.getKey(), trips, RoundTrips::plus);
                }
            }
            report(pings, rounds, interval, results);
        } finally {
            for (ScriptedEngineHost host : hosts) {
                host.docker().listContainersCmd().withShowAll(true).withLabelFilter(LABELS).exec()
                        .forEach(c -> host.docker().removeContainerCmd(c.getId()).withForce(true).exec());
                host.networks(Optional.of(host.underlayAddress())).releaseIfUnused(NET);
                host.close();
            }
        }
    }

    private static PortSpec port(String id, String mac, String ip) {
        return new PortSpec(id, NET, mac, List.of(new FixedIp("subnet", ip)));
    }

    private static void report(int pings, int rounds, String interval, Map<String, RoundTrips> results)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Round-trip time, ICMP echo (busybox ping -c ").append(pings).append(" -i ").append(interval)
                .append("), ").append(rounds).append(" interleaved rounds per path; ").append(Instant.now())
                .append(", load average ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
        out.append("path                                 sent   loss   p50 ms   p90 ms   p99 ms  mean ms   max ms\n");
        results.forEach((path, trips) -> out.append(path).append(trips.row()).append('\n'));
        Files.writeString(Path.of("target", "benchmark-dataplane.txt"), out);
    }
}

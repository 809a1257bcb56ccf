package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.BlkioStatsConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import io.windlass.server.ServerDiagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Nova's diagnostics of a server from what the engine says of its container: the inspect (state,
 * start, limits, mounts, MACs) and one stats sample (memory, CPU time, interface and block counters).
 * A figure the engine does not have is null, as Nova's drivers leave theirs unset.
 */
final class DockerServerDiagnostics {
    private static final long MIB = 1024 * 1024;
    /** The one disk: the container's root filesystem, the only one a server writes to (the config drive is read-only). */
    static final String ROOT_DISK = "root";

    private DockerServerDiagnostics() {
    }

    /**
     * @param configDriveMountPath where the config drive appears in a server ({@code spawn}'s bind)
     * @param now                  the time the uptime runs to
     */
    static ServerDiagnostics of(InspectContainerResponse inspect, Statistics stats, String configDriveMountPath,
                                Instant now) {
        DockerContainerState state = DockerContainerState.of(inspect.getState());
        HostConfig host = inspect.getHostConfig();
        Long uptime = state.startedAt() == null || !"running".equals(state.status()) ? null
                : Math.max(0, Duration.between(state.startedAt(), now).toSeconds());
        return new ServerDiagnostics(state.powerState(), "docker", blankToNull(inspect.getPlatform()), uptime,
                hasConfigDrive(inspect, configDriveMountPath), memory(host, stats), cpus(host, stats),
                nics(inspect, stats), disks(stats));
    }

    private static boolean hasConfigDrive(InspectContainerResponse inspect, String mountPath) {
        return inspect.getMounts() != null && inspect.getMounts().stream()
                .anyMatch(m -> m.getDestination() != null && mountPath.equals(m.getDestination().getPath()));
    }

    /** The maximum is the flavor's RAM (the container's limit); without a limit, what the engine lets it have. */
    private static ServerDiagnostics.Memory memory(HostConfig host, Statistics stats) {
        Long limit = host != null && host.getMemory() != null && host.getMemory() > 0 ? host.getMemory()
                : stats.getMemoryStats() == null ? null : stats.getMemoryStats().getLimit();
        Long used = stats.getMemoryStats() == null || stats.getMemoryStats().getUsage() == null ? null
                : DockerStatsConversion.memoryUsage(stats.getMemoryStats()) / MIB;
        return new ServerDiagnostics.Memory(limit == null ? null : limit / MIB, used);
    }

    /**
     * One per vCPU of the flavor (the container's CPU limit). The engine counts the CPU time of the
     * container as a whole, not per vCPU: only a single vCPU gets the figures (its time and its use
     * now, in percent of itself); with several, each one's share is unknown, so null.
     */
    private static List<ServerDiagnostics.Cpu> cpus(HostConfig host, Statistics stats) {
        CpuStatsConfig now = stats.getCpuStats();
        int count;
        if (host != null && host.getNanoCPUs() != null && host.getNanoCPUs() > 0) {
            count = (int) Math.ceil(host.getNanoCPUs() / 1e9);
        } else {
            count = now == null || now.getOnlineCpus() == null ? 0 : now.getOnlineCpus().intValue();
        }
        if (count == 1 && now != null && now.getCpuUsage() != null) {
            int utilisation = (int) Math.round(DockerStatsConversion.cpuPercent(now, stats.getPreCpuStats()));
            return List.of(new ServerDiagnostics.Cpu(0, now.getCpuUsage().getTotalUsage(), utilisation));
        }
        return IntStream.range(0, count).mapToObj(id -> new ServerDiagnostics.Cpu(id, null, null)).toList();
    }

    /**
     * The guest's interfaces as the engine counts them, by name. The engine names each interface's
     * network and MAC, but not which interface it is: a lone interface has the lone MAC, several have
     * none (null, which Nova's schema allows), rather than a guess.
     */
    private static List<ServerDiagnostics.Nic> nics(InspectContainerResponse inspect, Statistics stats) {
        Map<String, StatisticNetworksConfig> counted = stats.getNetworks() == null ? Map.of()
                : new TreeMap<>(stats.getNetworks());
        List<String> macs = macs(inspect);
        String lone = counted.size() == 1 && macs.size() == 1 ? macs.getFirst() : null;
        List<ServerDiagnostics.Nic> nics = new ArrayList<>();
        counted.forEach((name, n) -> nics.add(new ServerDiagnostics.Nic(name, lone, n.getRxBytes(),
                n.getRxErrors(), n.getRxDropped(), n.getRxPackets(), n.getTxBytes(), n.getTxErrors(),
                n.getTxDropped(), n.getTxPackets())));
        return nics;
    }

    private static List<String> macs(InspectContainerResponse inspect) {
        Map<String, ContainerNetwork> networks = inspect.getNetworkSettings() == null ? null
                : inspect.getNetworkSettings().getNetworks();
        return networks == null ? List.of() : networks.values().stream().map(ContainerNetwork::getMacAddress)
                .filter(Objects::nonNull).filter(mac -> !mac.isBlank()).distinct().toList();
    }

    /** The root filesystem's block I/O (the cgroup's, all devices); the engine counts no I/O errors. */
    private static List<ServerDiagnostics.Disk> disks(Statistics stats) {
        BlkioStatsConfig io = stats.getBlkioStats();
        if (io == null) {
            return List.of();
        }
        return List.of(new ServerDiagnostics.Disk(ROOT_DISK, sum(io.getIoServiceBytesRecursive(), "read"),
                sum(io.getIoServicedRecursive(), "read"), sum(io.getIoServiceBytesRecursive(), "write"),
                sum(io.getIoServicedRecursive(), "write"), null));
    }

    /** cgroup v1 writes {@code Read}, v2 {@code read}; no entries is no I/O. */
    private static long sum(List<BlkioStatEntry> entries, String op) {
        return entries == null ? 0 : entries.stream().filter(e -> op.equalsIgnoreCase(e.getOp()))
                .mapToLong(e -> e.getValue() == null ? 0 : e.getValue()).sum();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

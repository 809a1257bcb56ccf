package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import io.windlass.container.ContainerStats;

import java.util.List;
import java.util.Map;

/** Turns the engine's raw stats into the numbers {@code docker stats} prints. */
final class DockerStatsConversion {
    private static final double MIB = 1024.0 * 1024.0;

    private DockerStatsConversion() {
    }

    static ContainerStats toContainerStats(Statistics s) {
        double usage = memoryUsage(s.getMemoryStats());
        double limit = s.getMemoryStats() == null ? 0 : orZero(s.getMemoryStats().getLimit());
        long read = 0;
        long write = 0;
        List<BlkioStatEntry> io = s.getBlkioStats() == null ? null : s.getBlkioStats().getIoServiceBytesRecursive();
        if (io != null) {
            for (BlkioStatEntry e : io) {
                if ("read".equalsIgnoreCase(e.getOp())) {
                    read += orZero(e.getValue());
                } else if ("write".equalsIgnoreCase(e.getOp())) {
                    write += orZero(e.getValue());
                }
            }
        }
        long rx = 0;
        long tx = 0;
        Map<String, StatisticNetworksConfig> networks = s.getNetworks();
        if (networks != null) {
            for (StatisticNetworksConfig n : networks.values()) {
                rx += orZero(n.getRxBytes());
                tx += orZero(n.getTxBytes());
            }
        }
        return new ContainerStats(cpuPercent(s.getCpuStats(), s.getPreCpuStats()), usage / MIB, limit / MIB,
                limit > 0 ? usage / limit * 100.0 : 0.0, read, write, rx, tx);
    }

    /** As the docker CLI: share of the host's CPU time between the two samples, times CPUs. */
    static double cpuPercent(CpuStatsConfig now, CpuStatsConfig before) {
        if (now == null || before == null || now.getCpuUsage() == null || before.getCpuUsage() == null) {
            return 0.0;
        }
        double cpuDelta = orZero(now.getCpuUsage().getTotalUsage()) - orZero(before.getCpuUsage().getTotalUsage());
        double systemDelta = orZero(now.getSystemCpuUsage()) - orZero(before.getSystemCpuUsage());
        long cpus = orZero(now.getOnlineCpus());
        if (cpus == 0 && now.getCpuUsage().getPercpuUsage() != null) {
            cpus = now.getCpuUsage().getPercpuUsage().size();
        }
        if (cpuDelta <= 0 || systemDelta <= 0) {
            return 0.0;
        }
        return cpuDelta / systemDelta * cpus * 100.0;
    }

    /** As the docker CLI: page cache that can be dropped does not count as used. */
    static long memoryUsage(MemoryStatsConfig m) {
        if (m == null) {
            return 0;
        }
        long usage = orZero(m.getUsage());
        if (m.getStats() != null) {
            Long inactive = m.getStats().getTotalInactiveFile() != null ? m.getStats().getTotalInactiveFile()
                    : m.getStats().getInactiveFile();
            if (inactive != null && inactive < usage) {
                usage -= inactive;
            }
        }
        return usage;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}

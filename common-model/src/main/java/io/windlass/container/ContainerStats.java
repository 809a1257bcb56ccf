package io.windlass.container;

/**
 * One sample of a running container's resource use.
 *
 * @param cpuPercent     CPU use in percent of one CPU times CPUs
 * @param memoryUsageMib memory in use, MiB
 * @param memoryLimitMib memory limit, MiB
 * @param memoryPercent  usage / limit in percent
 * @param blockReadBytes  block I/O read
 * @param blockWriteBytes block I/O written
 * @param netRxBytes     network received
 * @param netTxBytes     network sent
 */
public record ContainerStats(double cpuPercent, double memoryUsageMib, double memoryLimitMib, double memoryPercent,
                             long blockReadBytes, long blockWriteBytes, long netRxBytes, long netTxBytes) {
}

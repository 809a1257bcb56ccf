package io.windlass.tenantusage.service;

import java.time.Instant;
import java.util.List;

/**
 * One project's usage over a window (Nova's {@code tenant_usage}): its servers' hours, and the
 * hours times each one's vCPUs, memory and disk, summed.
 *
 * @param serverUsages its servers' entries, or null when the report is not detailed
 */
public record TenantUsage(String tenantId, List<ServerUsage> serverUsages, double totalLocalGbUsage,
                          double totalVcpusUsage, double totalMemoryMbUsage, double totalHours, Instant start,
                          Instant stop) {
}

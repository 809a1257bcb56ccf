package io.windlass.tenantusage.service;

import io.windlass.tenantusage.persistence.UsageRow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage per project over a window, computed as Nova's {@code _tenant_usages_for_period} does:
 * projects in the order their first server comes, every server's entry in {@code servers} (the
 * page the next link continues from) and, when detailed, under its project too.
 */
public record TenantUsageReport(List<TenantUsage> tenants, List<ServerUsage> servers) {

    /**
     * @param rows     the page of servers, in (project, uuid) order
     * @param now      the clock, for the uptime of servers still running
     * @param detailed whether each project lists its servers
     */
    public static TenantUsageReport of(List<UsageRow> rows, UsagePeriod period, Instant now, boolean detailed) {
        Map<String, Totals> byProject = new LinkedHashMap<>();
        List<ServerUsage> servers = new ArrayList<>();
        for (UsageRow row : rows) {
            ServerUsage usage = usage(row, period, now);
            servers.add(usage);
            // in Nova's order of additions, so that the float sums come out the same
            byProject.computeIfAbsent(row.projectId(), p -> new Totals()).add(usage);
        }
        List<TenantUsage> tenants = byProject.entrySet().stream().map(e -> new TenantUsage(e.getKey(),
                detailed ? List.copyOf(e.getValue().servers) : null, e.getValue().localGb, e.getValue().vcpus,
                e.getValue().memoryMb, e.getValue().hours, period.start(), period.stop())).toList();
        return new TenantUsageReport(tenants, List.copyOf(servers));
    }

    static ServerUsage usage(UsageRow row, UsagePeriod period, Instant now) {
        double hours = period.hoursOf(row.launchedAt(), row.terminatedAt());
        boolean ended = row.terminatedAt() != null;
        // int(timedelta.total_seconds()): whole seconds, cut toward zero
        long uptime = ChronoUnit.MICROS.between(row.launchedAt(), ended ? row.terminatedAt() : now) / 1_000_000;
        return new ServerUsage(hours, row.flavorName(), row.uuid(), row.name(), row.projectId(), row.memoryMb(),
                row.rootGb() + row.ephemeralGb(), row.vcpus(), row.launchedAt(), row.terminatedAt(),
                ended ? "terminated" : row.vmState(), uptime);
    }

    /** One project's running sums. */
    private static final class Totals {
        private final List<ServerUsage> servers = new ArrayList<>();
        private double localGb;
        private double vcpus;
        private double memoryMb;
        private double hours;

        void add(ServerUsage usage) {
            localGb += usage.localGb() * usage.hours();
            vcpus += usage.vcpus() * usage.hours();
            memoryMb += usage.memoryMb() * usage.hours();
            hours += usage.hours();
            servers.add(usage);
        }
    }
}

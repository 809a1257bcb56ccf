package io.windlass.tenantusage.service;

import io.windlass.tenantusage.persistence.UsageRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TenantUsageReportTest {
    private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant STOP = Instant.parse("2026-04-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final UsagePeriod PERIOD = new UsagePeriod(START, STOP);

    private static UsageRow row(String project, int vcpus, int memory, int root, int ephemeral, String launched,
                                String terminated) {
        return new UsageRow(UUID.randomUUID(), "s", project, "m1.small", vcpus, memory, root, ephemeral, "active",
                Instant.parse(launched), terminated == null ? null : Instant.parse(terminated));
    }

    @Test
    void projectsInTheOrderOfTheirServersWithTotalsOfHoursTimesResources() {
        UsageRow a1 = row("a", 2, 512, 1, 1, "2026-03-31T00:00:00Z", null);
        UsageRow a2 = row("a", 1, 1024, 10, 0, "2026-04-01T08:00:00Z", "2026-04-01T09:00:00Z");
        UsageRow b1 = row("b", 4, 2048, 20, 0, "2026-04-01T05:00:00Z", null);
        TenantUsageReport report = TenantUsageReport.of(List.of(a1, a2, b1), PERIOD, NOW, true);

        assertEquals(List.of("a", "b"), report.tenants().stream().map(TenantUsage::tenantId).toList());
        TenantUsage a = report.tenants().getFirst();
        assertEquals(11.0, a.totalHours());
        assertEquals(10 * 2 + 1 * 1.0, a.totalVcpusUsage());
        assertEquals(10 * 512 + 1 * 1024.0, a.totalMemoryMbUsage());
        assertEquals(10 * 2 + 1 * 10.0, a.totalLocalGbUsage());
        assertEquals(START, a.start());
        assertEquals(STOP, a.stop());
        assertEquals(2, a.serverUsages().size());
        assertEquals(3, report.servers().size());
        assertEquals(20.0, report.tenants().get(1).totalVcpusUsage());
    }

    @Test
    void eachServerSaysWhenItRanAndForHowLong() {
        UsageRow running = row("a", 1, 512, 1, 0, "2026-03-31T23:00:00.5Z", null);
        UsageRow ended = row("a", 1, 512, 1, 2, "2026-04-01T01:00:00Z", "2026-04-01T02:30:00Z");
        TenantUsageReport report = TenantUsageReport.of(List.of(running, ended), PERIOD, NOW, true);

        ServerUsage first = report.servers().getFirst();
        assertEquals("active", first.state());
        assertNull(first.endedAt());
        assertEquals(10.0, first.hours());
        // whole seconds to now, cut
        assertEquals(13 * 3600 - 1, first.uptime());
        ServerUsage second = report.servers().get(1);
        assertEquals("terminated", second.state());
        assertEquals(Instant.parse("2026-04-01T02:30:00Z"), second.endedAt());
        assertEquals(5400, second.uptime());
        assertEquals(1.5, second.hours());
        assertEquals(3, second.localGb());
        assertEquals("m1.small", second.flavor());
    }

    @Test
    void withoutDetailTheProjectsListNoServersButThePageStillHasThem() {
        TenantUsageReport report = TenantUsageReport.of(List.of(row("a", 1, 1, 1, 0, "2026-04-01T00:00:00Z", null)),
                PERIOD, NOW, false);
        assertNull(report.tenants().getFirst().serverUsages());
        assertEquals(1, report.servers().size());
    }
}

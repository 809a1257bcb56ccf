package io.windlass.usageaudit.service;

import io.windlass.usageaudit.service.UsageAuditLog.HostAuditLog;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsageAuditLogTest {
    private static final AuditPeriod JUNE = AuditPeriod.lastCompletedBefore(LocalDateTime.parse("2012-07-02T00:00"));

    @Test
    void withoutAnyTaskLogEveryHostHasNotRun() {
        UsageAuditLog log = new UsageAuditLog(JUNE, List.of("a", "b", "c"), List.of());
        assertEquals(List.of("a", "b", "c"), log.notRun());
        assertEquals(0, log.done());
        assertEquals(0, log.running());
        assertEquals(0, log.totalInstances());
        assertEquals("0 of 3 hosts done. 0 errors.", log.overallStatus());
    }

    @Test
    void novasSample() {
        UsageAuditLog log = new UsageAuditLog(JUNE, List.of("h1", "h2", "h3", "h4"), List.of(
                new HostAuditLog("h1", "DONE", 1, 1, "m"), new HostAuditLog("h2", "DONE", 2, 1, "m"),
                new HostAuditLog("h3", "DONE", 3, 1, "m")));
        assertEquals(List.of("h4"), log.notRun());
        assertEquals(6, log.totalInstances());
        assertEquals(3, log.totalErrors());
        assertEquals("3 of 4 hosts done. 3 errors.", log.overallStatus());
    }

    @Test
    void allHostsDoneAndNoHostsAtAllAreAll() {
        assertEquals("ALL hosts done. 0 errors.", new UsageAuditLog(JUNE, List.of(), List.of()).overallStatus());
        UsageAuditLog log = new UsageAuditLog(JUNE, List.of("h1", "h2"), List.of(
                new HostAuditLog("h1", "DONE", 4, 0, "m"), new HostAuditLog("h2", "RUNNING", 0, 2, "m")));
        assertEquals(1, log.running());
        assertEquals("1 of 2 hosts done. 2 errors.", log.overallStatus());
    }
}

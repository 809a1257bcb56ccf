package io.windlass.usageaudit.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditPeriodTest {
    private static LocalDateTime at(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void theLastWholeMonthBeforeTheTime() {
        AuditPeriod period = AuditPeriod.lastCompletedBefore(at("2012-07-15T10:30:00"));
        assertEquals(new AuditPeriod(at("2012-06-01T00:00"), at("2012-07-01T00:00")), period);
        assertEquals("2012-06-01 00:00:00", period.beginningText());
        assertEquals("2012-07-01 00:00:00", period.endingText());
    }

    @Test
    void aMonthEndingExactlyAtTheTimeHasNotCompletedYet() {
        assertEquals(new AuditPeriod(at("2012-05-01T00:00"), at("2012-06-01T00:00")),
                AuditPeriod.lastCompletedBefore(at("2012-07-01T00:00:00")));
        // a microsecond later it has
        assertEquals(new AuditPeriod(at("2012-06-01T00:00"), at("2012-07-01T00:00")),
                AuditPeriod.lastCompletedBefore(at("2012-07-01T00:00:00.000001")));
    }

    @Test
    void januaryGoesBackAcrossTheYear() {
        assertEquals(new AuditPeriod(at("2012-12-01T00:00"), at("2013-01-01T00:00")),
                AuditPeriod.lastCompletedBefore(at("2013-01-20T00:00:00")));
        assertEquals(new AuditPeriod(at("2012-11-01T00:00"), at("2012-12-01T00:00")),
                AuditPeriod.lastCompletedBefore(at("2013-01-01T00:00:00")));
        assertEquals(new AuditPeriod(at("2013-01-01T00:00"), at("2013-02-01T00:00")),
                AuditPeriod.lastCompletedBefore(at("2013-02-28T23:59:59")));
    }
}

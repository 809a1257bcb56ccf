package io.windlass.hypervisor.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostUptimeTest {
    private static final Instant NOW = Instant.parse("2026-05-01T08:32:11.500Z");

    private static String upFor(Duration duration) {
        return HostUptime.describe(NOW, NOW.minus(duration));
    }

    @Test
    void daysHoursAndMinutesAsUptimeWritesThem() {
        assertEquals(" 08:32:11 up 93 days, 18:25", upFor(Duration.ofDays(93).plusHours(18).plusMinutes(25)));
        assertEquals(" 08:32:11 up 1 day,  3:05", upFor(Duration.ofDays(1).plusHours(3).plusMinutes(5).plusSeconds(59)));
        assertEquals(" 08:32:11 up 10:00", upFor(Duration.ofHours(10)));
    }

    @Test
    void underAnHourIsMinutes() {
        assertEquals(" 08:32:11 up 0 min", upFor(Duration.ofSeconds(59)));
        assertEquals(" 08:32:11 up 59 min", upFor(Duration.ofMinutes(59)));
        assertEquals(" 08:32:11 up 2 days, 7 min", upFor(Duration.ofDays(2).plusMinutes(7)));
    }

    @Test
    void aRegistrationAheadOfTheClockIsNoTimeAtAll() {
        assertEquals(" 08:32:11 up 0 min", HostUptime.describe(NOW, NOW.plusSeconds(5)));
    }
}

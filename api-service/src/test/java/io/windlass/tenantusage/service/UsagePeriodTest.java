package io.windlass.tenantusage.service;

import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsagePeriodTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00.123456789Z");

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void theThreeStrptimeFormsInUtc() {
        assertEquals(at("2012-10-08T20:10:44Z"), UsagePeriod.parse("2012-10-08T20:10:44"));
        assertEquals(at("2012-10-08T20:10:44.587336Z"), UsagePeriod.parse("2012-10-08T20:10:44.587336"));
        assertEquals(at("2012-10-08T20:10:44.500Z"), UsagePeriod.parse("2012-10-08 20:10:44.5"));
        // strptime's one-digit fields and its case-blind letters
        assertEquals(at("2012-01-02T03:04:05Z"), UsagePeriod.parse("2012-1-2t3:4:5"));
    }

    @Test
    void anythingElseIsAnInvalidDatetime() {
        for (String bad : new String[]{"2012-10-08", "2012-10-08T20:10:44Z", "2012-10-08 20:10:44", "2012-02-30T00:00:00",
                "2012-10-08T20:10:60", "2012-13-01T00:00:00", "0000-01-01T00:00:00", "2012-10-08T20:10:44.1234567",
                "yesterday"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> UsagePeriod.parse(bad), bad);
            assertEquals("Invalid datetime string: Datetime is in invalid format", e.getMessage());
        }
    }

    @Test
    void absentIsNowAndAnEndInTheFutureIsCutToNow() {
        UsagePeriod period = UsagePeriod.of("2026-04-01T00:00:00", null, NOW);
        assertEquals(new UsagePeriod(at("2026-04-01T00:00:00Z"), at("2026-05-01T12:00:00.123456Z")), period);
        assertEquals(at("2026-05-01T12:00:00.123456Z"),
                UsagePeriod.of("2026-04-01T00:00:00", "2030-01-01T00:00:00", NOW).stop());
        UsagePeriod neither = UsagePeriod.of(null, null, NOW);
        assertEquals(neither.start(), neither.stop());
    }

    @Test
    void theStartMustComeBeforeTheEnd() {
        for (String[] window : new String[][]{{"2026-04-02T00:00:00", "2026-04-01T00:00:00"},
                {"2026-04-01T00:00:00", "2026-04-01T00:00:00"}, {"2027-01-01T00:00:00", null}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> UsagePeriod.of(window[0], window[1], NOW));
            assertEquals("Invalid start time. The start time cannot occur after the end time.", e.getMessage());
        }
    }

    @Test
    void hoursAreTheOverlapOfTheServersLifeAndTheWindow() {
        UsagePeriod day = new UsagePeriod(at("2026-04-01T00:00:00Z"), at("2026-04-02T00:00:00Z"));
        // ran all day, and on
        assertEquals(24.0, day.hoursOf(at("2026-03-01T00:00:00Z"), null));
        // launched mid-window, still running: charged to the window's end
        assertEquals(6.0, day.hoursOf(at("2026-04-01T18:00:00Z"), null));
        // terminated mid-window
        assertEquals(1.5, day.hoursOf(at("2026-03-01T00:00:00Z"), at("2026-04-01T01:30:00Z")));
        // within the window
        assertEquals(0.25, day.hoursOf(at("2026-04-01T10:00:00Z"), at("2026-04-01T10:15:00Z")));
        // before, after, never launched
        assertEquals(0.0, day.hoursOf(at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z")));
        assertEquals(0.0, day.hoursOf(at("2026-04-03T00:00:00Z"), null));
        assertEquals(0.0, day.hoursOf(null, null));
        // microseconds count, as timedelta.total_seconds() counts them
        assertEquals(1 / 3600.0 / 1e6, day.hoursOf(at("2026-04-01T23:59:59.999999Z"), null));
    }
}

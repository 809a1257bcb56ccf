package io.windlass.usageaudit.service;

import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditTimestampTest {
    private static LocalDateTime parsed(String text) {
        return AuditTimestamp.parse(text).value();
    }

    @Test
    void novasTwoStrptimeFormats() {
        assertEquals(LocalDateTime.parse("2012-07-01T10:20:30"), parsed("2012-07-01 10:20:30"));
        assertEquals(LocalDateTime.parse("2012-07-01T10:20:30.5"), parsed("2012-07-01 10:20:30.5"));
        assertEquals(LocalDateTime.parse("2012-07-01T10:20:30.123456"), parsed("2012-07-01 10:20:30.123456"));
        // strptime's one-digit fields, space-padded day and runs of spaces
        assertEquals(LocalDateTime.parse("2012-07-01T01:02:03"), parsed("2012-7-1 1:2:3"));
        assertEquals(LocalDateTime.parse("2012-07-01T01:02:03"), parsed("2012-07- 1  01:02:03"));
    }

    @Test
    void anythingElseIsRefusedInNovasWords() {
        for (String bad : new String[]{"invalid_time", "2012-07-01", "2012-07-01T10:20:30", "2012-07-01 10:20:30Z",
                "2012-07-01 10:20:30.", "2012-07-01 10:20:30.1234567", "2012-02-30 00:00:00", "2012-13-01 00:00:00",
                "2012-07-01 24:00:00", "2012-07-01 10:20:60", "0000-01-01 00:00:00", "12-07-01 10:20:30"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuditTimestamp.parse(bad), bad);
            assertEquals("Invalid timestamp for date " + bad, e.getMessage());
            assertEquals(400, e.status());
        }
    }
}

package io.windlass.container.console;

import io.windlass.context.RequestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleTicketsTest {
    private static final RequestContext CALLER = new RequestContext("req-1", null, "u1", "p1", List.of("member"));
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ConsoleTickets tickets = new ConsoleTickets(Duration.ofSeconds(60));

    private String issue() {
        return tickets.issue(CALLER, "c1", "h1", "exec", "e1", NOW);
    }

    @Test
    void aTokenIsGoodOnceForItsContainer() {
        String token = issue();
        assertTrue(tickets.isValid(token, "c1", NOW));
        ConsoleTicket t = tickets.redeem(token, "c1", NOW.plusSeconds(1)).orElseThrow();
        assertEquals("p1", t.caller().projectId());
        assertEquals("e1", t.execId());
        assertTrue(tickets.redeem(token, "c1", NOW.plusSeconds(2)).isEmpty());
        assertFalse(tickets.isValid(token, "c1", NOW.plusSeconds(2)));
    }

    @Test
    void anotherContainersOrAnUnknownOrExpiredTokenIsRefused() {
        String token = issue();
        assertTrue(tickets.redeem(token, "c2", NOW).isEmpty());
        assertTrue(tickets.redeem(token + "x", "c1", NOW).isEmpty());
        assertTrue(tickets.redeem(null, "c1", NOW).isEmpty());
        assertTrue(tickets.redeem(token, "c1", NOW.plusSeconds(60)).isEmpty());
    }

    @Test
    void tokensAreUnguessableAndUrlSafe() {
        String a = issue();
        String b = issue();
        assertNotEquals(a, b);
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
    }

    @Test
    void expiredTicketsAreForgotten() {
        String old = issue();
        tickets.issue(CALLER, "c1", "h1", "exec", "e2", NOW.plusSeconds(120));
        assertFalse(tickets.isValid(old, "c1", NOW));
    }
}

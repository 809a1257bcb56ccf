package io.windlass.rpc;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningHandlersTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Duration LIMIT = Duration.ofMinutes(30);

    @Test
    void onlyAHandlerRunningPastTheLimitIsStuckAndTheOldestIsNamed() {
        RunningHandlers handlers = new RunningHandlers();
        long now = 10_000 * SECOND;
        handlers.started("conductor", "build_container", now - 60 * SECOND);
        long old = handlers.started("compute", "shelve_server", now - 31 * 60 * SECOND);
        handlers.started("compute", "create_container", now - 40 * 60 * SECOND + 1);
        handlers.ended(handlers.started("compute", "delete_container", now - 50 * 60 * SECOND));

        RunningHandlers.Running stuck = handlers.stuck(LIMIT, now).orElseThrow();
        assertEquals("create_container", stuck.method(), "the oldest of those still running");
        assertEquals(Duration.ofMinutes(40).minusNanos(1), stuck.runningFor(now));

        handlers.ended(old);
        assertEquals("create_container", handlers.stuck(LIMIT, now).orElseThrow().method());
    }

    @Test
    void nothingRunningOrAllRecentIsLive() {
        RunningHandlers handlers = new RunningHandlers();
        assertEquals(Optional.empty(), handlers.stuck(LIMIT, 5 * SECOND));
        long run = handlers.started("scheduler", "select_destinations", 0);
        assertTrue(handlers.stuck(LIMIT, LIMIT.toNanos()).isEmpty(), "exactly the limit is not past it");
        assertTrue(handlers.stuck(LIMIT, LIMIT.toNanos() + 1).isPresent());
        handlers.ended(run);
        assertTrue(handlers.oldest().isEmpty());
    }
}

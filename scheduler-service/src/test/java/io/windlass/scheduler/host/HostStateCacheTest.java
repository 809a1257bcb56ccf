package io.windlass.scheduler.host;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostStateCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    /** Each read sees 1 GiB more claimed on h1, as if another scheduler kept claiming. */
    private final Supplier<List<HostCandidate>> database = () -> {
        int read = reads.incrementAndGet();
        return List.of(TestHosts.used("h1", 4, 8192, 0, 1024L * read, 0), TestHosts.idle("h2", 4, 8192, 100));
    };
    /** Refresh-ahead reads wait here until the test runs them. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final Executor refresher = background::add;

    private HostStateCache cache(Duration ttl) {
        return new HostStateCache(database, ttl, now::get, refresher);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void oneReadServesEveryDecisionWithinTheTtl() {
        HostStateCache cache = cache(Duration.ofSeconds(1));

        List<HostCandidate> first = cache.hosts();
        advance(Duration.ofMillis(999));
        assertSame(first, cache.hosts());
        assertEquals(1, reads.get());
        assertTrue(background.isEmpty());
    }

    @Test
    void onceTheTtlIsOverTheReadHappensAheadWhileDecisionsGoOnWithTheCurrentView() {
        HostStateCache cache = cache(Duration.ofSeconds(1));
        List<HostCandidate> first = cache.hosts();
        advance(Duration.ofSeconds(1));

        assertSame(first, cache.hosts(), "no decision waits for the read");
        assertSame(first, cache.hosts());
        assertEquals(1, background.size(), "one read started, not one per decision");

        background.poll().run();
        assertEquals(2048, cache.hosts().getFirst().memoryMbUsed());
        assertEquals(2, reads.get());
    }

    @Test
    void aViewOfAnIdleSchedulerIsReadInTheCallersThread() {
        HostStateCache cache = cache(Duration.ofSeconds(1));
        cache.hosts();
        advance(Duration.ofSeconds(3));

        assertEquals(2048, cache.hosts().getFirst().memoryMbUsed());
        assertTrue(background.isEmpty());
    }

    @Test
    void ownClaimsShowInTheCachedViewAtOnce() {
        HostStateCache cache = cache(Duration.ofSeconds(1));
        cache.hosts();

        cache.consume("h2", 1.5, 512, 10, now.get());
        cache.consume("h2", 0.5, 512, 0, now.get());
        cache.consume("unknown", 1, 1, 1, now.get());

        HostCandidate h2 = cache.hosts().get(1);
        assertEquals(2.0, h2.vcpusUsed(), 1e-9);
        assertEquals(1024, h2.memoryMbUsed());
        assertEquals(10, h2.diskGbUsed());
        assertEquals(2, h2.totalWorkloads());
        assertEquals(1024, cache.hosts().getFirst().memoryMbUsed(), "other hosts unchanged");
        assertEquals(1, reads.get());
    }

    @Test
    void aClaimCommittedBeforeTheReadStartedIsNotCountedTwice() {
        HostStateCache cache = cache(Duration.ofSeconds(1));
        long committedAt = now.get();
        advance(Duration.ofNanos(1));
        cache.hosts(); // read after the commit: the claim is in it

        cache.consume("h2", 1, 1024, 0, committedAt);

        assertEquals(0, cache.hosts().get(1).memoryMbUsed());
    }

    @Test
    void aClaimCommittedWhileAReadRanIsKeptInTheNewView() {
        java.util.concurrent.atomic.AtomicReference<HostStateCache> self = new java.util.concurrent.atomic.AtomicReference<>();
        HostStateCache cache = new HostStateCache(() -> {
            List<HostCandidate> read = database.get();
            if (reads.get() == 2) {
                // committed after the read took its snapshot, before the read was published
                advance(Duration.ofMillis(5));
                self.get().consume("h2", 1, 1024, 0, now.get());
            }
            return read;
        }, Duration.ofSeconds(1), now::get, refresher);
        self.set(cache);
        cache.hosts();
        advance(Duration.ofSeconds(1));
        cache.hosts(); // starts the read ahead

        background.poll().run();

        assertEquals(2, reads.get());
        assertEquals(1024, cache.hosts().get(1).memoryMbUsed(), "the claim the read missed is in the new view");
    }

    @Test
    void zeroTtlReadsOnEveryDecision() {
        HostStateCache cache = cache(Duration.ZERO);
        cache.hosts();
        cache.consume("h1", 1, 1024, 0, now.get());

        assertEquals(2048, cache.hosts().getFirst().memoryMbUsed());
        assertEquals(2, reads.get());
    }

    @Test
    void invalidateForcesARead() {
        HostStateCache cache = cache(Duration.ofHours(1));
        cache.hosts();
        cache.invalidate();
        cache.hosts();

        assertEquals(2, reads.get());
    }
}

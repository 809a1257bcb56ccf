package io.windlass.scheduler.host;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HostStateCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    /** Each read sees 1 GiB more claimed on h1, as if another scheduler kept claiming. */
    private final Supplier<List<HostCandidate>> database = () -> {
        int read = reads.incrementAndGet();
        return List.of(TestHosts.used("h1", 4, 8192, 0, 1024L * read, 0), TestHosts.idle("h2", 4, 8192, 100));
    };

    @Test
    void oneReadServesEveryDecisionWithinTheTtl() {
        HostStateCache cache = new HostStateCache(database, Duration.ofSeconds(1), now::get);

        List<HostCandidate> first = cache.hosts();
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertSame(first, cache.hosts());
        assertEquals(1, reads.get());

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(2048, cache.hosts().getFirst().memoryMbUsed(), "read again once the ttl is over");
        assertEquals(2, reads.get());
    }

    @Test
    void ownClaimsShowInTheCachedViewAtOnce() {
        HostStateCache cache = new HostStateCache(database, Duration.ofSeconds(1), now::get);
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
        HostStateCache cache = new HostStateCache(database, Duration.ofSeconds(1), now::get);
        long committedAt = now.get();
        now.addAndGet(1);
        cache.hosts(); // read after the commit: the claim is in it

        cache.consume("h2", 1, 1024, 0, committedAt);

        assertEquals(0, cache.hosts().get(1).memoryMbUsed());
    }

    @Test
    void zeroTtlReadsOnEveryDecision() {
        HostStateCache cache = new HostStateCache(database, Duration.ZERO, now::get);
        cache.hosts();
        cache.consume("h1", 1, 1024, 0, now.get());

        assertEquals(2048, cache.hosts().getFirst().memoryMbUsed());
        assertEquals(2, reads.get());
    }

    @Test
    void invalidateForcesARead() {
        HostStateCache cache = new HostStateCache(database, Duration.ofHours(1), now::get);
        cache.hosts();
        cache.invalidate();
        cache.hosts();

        assertEquals(2, reads.get());
    }
}

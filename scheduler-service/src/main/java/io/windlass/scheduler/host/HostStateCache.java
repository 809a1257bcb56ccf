package io.windlass.scheduler.host;

import io.windlass.scheduler.ResourceRequest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The hosts with their aggregates, re-read about once per {@code ttl} instead of on every
 * decision (1,000 hosts and all aggregate metadata cost a few milliseconds of PostgreSQL and
 * mapping per read, tens under load). Like Nova's HostManager, the scheduler adds its own claims
 * to the cached view at once ({@link #consume}), so that consecutive decisions of this process do
 * not all pick the same host.
 * <p>
 * Refresh-ahead: once the view is {@code ttl} old, the next decision starts a read on
 * {@code refresher} and goes on with the current view, so no decision waits for the periodic
 * read. Only a view older than {@code 3 × ttl} (an idle scheduler) or none at all is read in the
 * caller's thread.
 * <p>
 * Correctness does not depend on this view: the claim is a conditional UPDATE against the
 * committed counters and the aggregates' ratios in PostgreSQL, so a stale view (another
 * replica's claims, a host just disabled, metadata just changed) can only make a claim fail and
 * move on to the next host, never over-commit. A zero ttl reads on every decision.
 */
public class HostStateCache {
    private final Supplier<List<HostCandidate>> loader;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Executor refresher;
    private final Object lock = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Own claims of the last few ttl, re-applied to a view whose read may have missed them. */
    private final Deque<Claim> recentClaims = new ArrayDeque<>();
    private volatile Snapshot snapshot;

    /**
     * @param loader    reads all hosts, ordered by name (one transaction)
     * @param ttl       how long a read is used before the next one starts
     * @param nanoClock {@link System#nanoTime} outside of tests
     * @param refresher runs the refresh-ahead reads (one at a time)
     */
    public HostStateCache(Supplier<List<HostCandidate>> loader, Duration ttl, LongSupplier nanoClock,
                          Executor refresher) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        this.refresher = refresher;
    }

    /** All hosts as of about {@code ttl} ago plus this process's claims since; do not modify. */
    public List<HostCandidate> hosts() {
        if (ttlNanos <= 0) {
            return loader.get();
        }
        Snapshot current = snapshot;
        long age = current == null ? Long.MAX_VALUE : nanoClock.getAsLong() - current.loadedAt;
        if (age < ttlNanos) {
            return current.hosts;
        }
        if (age < 3 * ttlNanos) {
            if (refreshing.compareAndSet(false, true)) {
                try {
                    refresher.execute(() -> {
                        try {
                            refresh();
                        } finally {
                            refreshing.set(false);
                        }
                    });
                } catch (RuntimeException rejected) {
                    refreshing.set(false);
                    throw rejected;
                }
            }
            return current.hosts;
        }
        synchronized (lock) {
            current = snapshot;
            // another thread may have refreshed while this one waited for the lock
            if (current == null || nanoClock.getAsLong() - current.loadedAt >= 3 * ttlNanos) {
                refresh();
            }
            return snapshot.hosts;
        }
    }

    private void refresh() {
        long started = nanoClock.getAsLong();
        List<HostCandidate> read = loader.get();
        synchronized (lock) {
            // claims committed after the read started may be missing from it: count them again (a
            // claim the read did see is then counted twice until the next read: the safe side)
            recentClaims.removeIf(c -> started - c.committedAt > 3 * ttlNanos);
            Snapshot fresh = new Snapshot(List.copyOf(read), started);
            for (Claim c : recentClaims) {
                if (c.committedAt - started >= 0) {
                    fresh = fresh.with(c);
                }
            }
            snapshot = fresh;
        }
    }

    /**
     * Counts a claim this process committed in the cached view.
     *
     * @param committedAt {@link #now()} taken after the claim's commit returned: a view whose read
     *                    started later already holds the claim and is left alone
     */
    public void consume(String host, double vcpus, long memoryMb, long diskGb, long committedAt) {
        consume(new Claim(host, vcpus, memoryMb, diskGb, 0, committedAt));
    }

    /** Likewise, for what {@code request} claimed on {@code host} (the CPUs it pins included). */
    public void consume(String host, ResourceRequest request, long committedAt) {
        consume(new Claim(host, request.vcpus(), request.memoryMb(), request.diskGb(), request.dedicatedCpus(),
                committedAt));
    }

    private void consume(Claim claim) {
        if (ttlNanos <= 0) {
            return;
        }
        long committedAt = claim.committedAt();
        synchronized (lock) {
            recentClaims.addLast(claim);
            Snapshot current = snapshot;
            if (current != null && committedAt - current.loadedAt >= 0) {
                snapshot = current.with(claim);
            }
        }
    }

    /** The clock {@link #consume} expects its {@code committedAt} from. */
    public long now() {
        return nanoClock.getAsLong();
    }

    /** Forgets the cached view: the next decision reads the hosts again. */
    public void invalidate() {
        synchronized (lock) {
            snapshot = null;
        }
    }

    private record Claim(String host, double vcpus, long memoryMb, long diskGb, int dedicatedCpus, long committedAt) {
    }

    private record Snapshot(List<HostCandidate> hosts, long loadedAt, Map<String, Integer> index) {
        Snapshot(List<HostCandidate> hosts, long loadedAt) {
            this(hosts, loadedAt, indexOf(hosts));
        }

        Snapshot with(Claim claim) {
            Integer i = index.get(claim.host());
            if (i == null) {
                return this;
            }
            // one copy per claim (a view is shared by the decisions reading it, so it is never changed)
            HostCandidate[] updated = hosts.toArray(HostCandidate[]::new);
            updated[i] = updated[i].consume(claim.vcpus(), claim.memoryMb(), claim.diskGb(), claim.dedicatedCpus());
            return new Snapshot(Collections.unmodifiableList(Arrays.asList(updated)), loadedAt, index);
        }

        private static Map<String, Integer> indexOf(List<HostCandidate> hosts) {
            Map<String, Integer> index = new HashMap<>(hosts.size() * 2);
            for (int i = 0; i < hosts.size(); i++) {
                index.put(hosts.get(i).host(), i);
            }
            return index;
        }
    }
}

package io.windlass.scheduler.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The hosts with their aggregates, re-read at most once per {@code ttl} instead of on every
 * decision (1,000 hosts and all aggregate metadata cost a few milliseconds of PostgreSQL and
 * mapping per read). Like Nova's HostManager, the scheduler adds its own claims to the cached
 * view at once ({@link #consume}), so that consecutive decisions of this process do not all
 * pick the same host.
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
    private final Object lock = new Object();
    private volatile Snapshot snapshot;

    /**
     * @param loader    reads all hosts, ordered by name (one transaction)
     * @param ttl       how long a read is re-used
     * @param nanoClock {@link System#nanoTime} outside of tests
     */
    public HostStateCache(Supplier<List<HostCandidate>> loader, Duration ttl, LongSupplier nanoClock) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** All hosts as of at most {@code ttl} ago plus this process's claims since; do not modify. */
    public List<HostCandidate> hosts() {
        if (ttlNanos <= 0) {
            return loader.get();
        }
        Snapshot current = snapshot;
        if (current != null && nanoClock.getAsLong() - current.loadedAt < ttlNanos) {
            return current.hosts;
        }
        synchronized (lock) {
            current = snapshot;
            // another thread may have refreshed while this one waited for the lock
            if (current == null || nanoClock.getAsLong() - current.loadedAt >= ttlNanos) {
                long started = nanoClock.getAsLong();
                current = new Snapshot(List.copyOf(loader.get()), started);
                snapshot = current;
            }
            return current.hosts;
        }
    }

    /**
     * Counts a claim this process committed in the cached view.
     *
     * @param committedAt {@link #nanoClock} reading taken after the claim's commit returned: a view
     *                    whose read started later already holds the claim and is left alone. A read
     *                    that started during the claim may hold it too and then counts it twice
     *                    until the next refresh, which only makes the host look fuller (safe side).
     */
    public void consume(String host, double vcpus, long memoryMb, long diskGb, long committedAt) {
        if (ttlNanos <= 0) {
            return;
        }
        synchronized (lock) {
            Snapshot current = snapshot;
            if (current == null || current.loadedAt - committedAt > 0) {
                return;
            }
            Integer index = current.index().get(host);
            if (index == null) {
                return;
            }
            List<HostCandidate> updated = new ArrayList<>(current.hosts);
            updated.set(index, updated.get(index).consume(vcpus, memoryMb, diskGb));
            snapshot = new Snapshot(List.copyOf(updated), current.loadedAt, current.index());
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

    private record Snapshot(List<HostCandidate> hosts, long loadedAt, Map<String, Integer> index) {
        Snapshot(List<HostCandidate> hosts, long loadedAt) {
            this(hosts, loadedAt, indexOf(hosts));
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

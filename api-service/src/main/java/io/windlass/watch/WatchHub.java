package io.windlass.watch;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One replica's fan-out of {@code workload_changes} to its watchers. Everything happens on one
 * dispatch thread, in order: reading the changes a notification announced (once for all
 * watchers), admitting a watcher (its replay, then live), heartbeats. So a watcher gets every
 * change after its position once, in seq order, with no gap between replay and live.
 * <p>
 * Sending never blocks: each watcher may have {@code buffer} events written but not yet taken by
 * its client; one that falls further behind gets an {@code overflow} event and is closed, and
 * resumes with its Last-Event-ID, while the others go on.
 */
public class WatchHub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WatchHub.class);

    private final WorkloadChangeLog log;
    private final int batchSize;
    private final int buffer;
    private final Duration maxStream;
    private final ExecutorService dispatch;
    private final AtomicBoolean pullQueued = new AtomicBoolean();
    private final AtomicInteger open = new AtomicInteger();
    // the dispatch thread's alone
    private final List<Watcher> watchers = new ArrayList<>();
    private long cursor = -1;

    /**
     * @param batchSize changes read per query
     * @param buffer    events a watcher may have unwritten before it is closed as too slow
     * @param maxStream how long a stream stays open before it is told to reconnect (and so to
     *                  authenticate again)
     */
    public WatchHub(WorkloadChangeLog log, int batchSize, int buffer, Duration maxStream, String name) {
        this.log = log;
        this.batchSize = batchSize;
        this.buffer = buffer;
        this.maxStream = maxStream;
        this.dispatch = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name).factory());
    }

    /** New changes were committed (a notification), or may have been while the listener was away. */
    public void changed() {
        if (pullQueued.compareAndSet(false, true)) {
            dispatch.execute(() -> {
                pullQueued.set(false);
                pull();
            });
        }
    }

    /**
     * Starts a watcher: from now on without a Last-Event-ID, else after it (replayed from the log),
     * or, when that is no longer possible, an {@code expired} event and the end of the stream.
     */
    public void subscribe(WatchView view, WatchSink sink, Long lastEventId) {
        open.incrementAndGet();
        dispatch.execute(() -> admit(new Watcher(view, sink), lastEventId));
    }

    /**
     * A comment with each watcher's position, so that idle streams stay open through proxies; a
     * stream open longer than {@code maxStream} is told to reconnect instead, so that its token is
     * checked again (a watch keeps the visibility it was opened with).
     */
    public void heartbeat() {
        dispatch.execute(() -> {
            long now = System.nanoTime();
            for (Iterator<Watcher> it = watchers.iterator(); it.hasNext(); ) {
                Watcher w = it.next();
                if (now - w.openedAt >= maxStream.toNanos()) {
                    w.sink.send(WatchEvent.reconnect(w.position));
                    w.sink.close();
                    drop(it);
                } else if (!deliver(w, WatchEvent.heartbeat(w.position))) {
                    drop(it);
                }
            }
        });
    }

    /** Watchers admitted or being admitted and not yet gone. */
    public int watchers() {
        return open.get();
    }

    @Override
    public void close() {
        dispatch.execute(() -> {
            watchers.forEach(w -> w.sink.close());
            watchers.clear();
        });
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void admit(Watcher w, Long lastEventId) {
        try {
            pull();
            if (cursor < 0) {
                throw new SQLException("the change log could not be read");
            }
            switch (ResumeDecision.decide(lastEventId, log.prunedThrough(), cursor)) {
                case ResumeDecision.Live live -> w.position = cursor;
                case ResumeDecision.Replay replay -> {
                    replay(w, replay.after());
                    // a prune that committed while the replay read may have taken some of it: the
                    // horizon only grows, so if it is still at or below the id, nothing was missed
                    if (log.prunedThrough() > replay.after()) {
                        expire(w, "changes after " + replay.after() + " were pruned while they were replayed; "
                                + "list again, then watch");
                        return;
                    }
                }
                case ResumeDecision.Expired expired -> {
                    expire(w, expired.reason());
                    return;
                }
            }
            if (deliver(w, WatchEvent.watching(w.position)) && !w.sink.isClosed()) {
                watchers.add(w);
            } else {
                open.decrementAndGet();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("a watch could not start (the client may retry with its Last-Event-ID): %s", e.getMessage());
            w.sink.close();
            open.decrementAndGet();
        }
    }

    private void expire(Watcher w, String reason) {
        w.sink.send(WatchEvent.expired(reason));
        w.sink.close();
        open.decrementAndGet();
    }

    private void replay(Watcher w, long after) throws SQLException {
        w.position = after;
        while (w.position < cursor) {
            List<WorkloadChange> rows = log.after(w.position, batchSize);
            for (WorkloadChange change : rows) {
                if (change.seq() > cursor) {
                    return;
                }
                offer(w, change);
            }
            if (rows.size() < batchSize) {
                return;
            }
        }
    }

    /** Reads what was committed since the last read and gives it to every watcher. */
    private void pull() {
        try {
            if (cursor < 0) {
                cursor = log.latest();
                return;
            }
            List<WorkloadChange> rows;
            do {
                rows = log.after(cursor, batchSize);
                if (rows.isEmpty() || rows.getFirst().seq() != cursor + 1) {
                    skipPruned();
                }
                for (WorkloadChange change : rows) {
                    if (change.seq() <= cursor) {
                        continue;
                    }
                    for (Iterator<Watcher> it = watchers.iterator(); it.hasNext(); ) {
                        if (!offer(it.next(), change)) {
                            drop(it);
                        }
                    }
                    cursor = change.seq();
                }
            } while (rows.size() == batchSize);
        } catch (SQLException | RuntimeException e) {
            // the next notification, or the listener's reconnect, reads from the same cursor again
            LOG.warnf("workload changes could not be read after %d: %s", cursor, e.getMessage());
        }
    }

    /**
     * Changes this replica had not read yet were pruned (its listener was away longer than the
     * retention, or a prune ran between a commit and its read): its watchers may have missed them,
     * so each is told to list again, and reading goes on after the pruned ones. A gap in seq is
     * otherwise a rolled-back change, which nobody missed.
     */
    private void skipPruned() throws SQLException {
        long horizon = log.prunedThrough();
        if (horizon <= cursor) {
            return;
        }
        LOG.warnf("changes %d to %d were pruned before this replica read them: its %d watchers are told to list"
                + " again", cursor + 1, horizon, watchers.size());
        cursor = horizon;
        for (Iterator<Watcher> it = watchers.iterator(); it.hasNext(); ) {
            Watcher w = it.next();
            it.remove();
            expire(w, "changes after " + w.position + " were pruned before they were sent; list again, then watch");
        }
    }

    /** The change to this watcher if it is after its position and it may see it; false once it is gone. */
    private boolean offer(Watcher w, WorkloadChange change) {
        if (change.seq() <= w.position) {
            return true;
        }
        w.position = change.seq();
        try {
            return w.view.render(change).map(event -> deliver(w, event)).orElse(!w.sink.isClosed());
        } catch (RuntimeException e) {
            // one watcher's failure (its policy, its stream) must not stop the others: it reconnects
            LOG.warnf(e, "a watcher was closed after change %d could not be given to it", change.seq());
            w.sink.close();
            return false;
        }
    }

    private boolean deliver(Watcher w, WatchEvent event) {
        if (w.sink.isClosed()) {
            return false;
        }
        if (w.unwritten.get() >= buffer) {
            w.sink.send(WatchEvent.overflow());
            w.sink.close();
            return false;
        }
        w.unwritten.incrementAndGet();
        w.sink.send(event).whenComplete((ok, failed) -> w.unwritten.decrementAndGet());
        return true;
    }

    private void drop(Iterator<Watcher> it) {
        it.remove();
        open.decrementAndGet();
    }

    private static final class Watcher {
        final WatchView view;
        final WatchSink sink;
        final AtomicInteger unwritten = new AtomicInteger();
        final long openedAt = System.nanoTime();
        long position;

        Watcher(WatchView view, WatchSink sink) {
            this.view = view;
            this.sink = sink;
        }
    }
}

package io.windlass.quota;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.fault.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Runs the creates that reserve a project's quota, each in a transaction of its own, with their
 * reservations one at a time per project in this process. Reservations serialise anyway: each
 * holds the project's {@code quota_usages} rows locked until its transaction commits. Queued here
 * they wait on a Java lock, instead of as a convoy of PostgreSQL backends that are woken one after
 * the other to re-check the row, taking cores from everything else the database serves
 * (docs/benchmarks.md, "Decision latency at saturation": with 20 creates of one project in flight
 * this halved the scheduler's decision p99 and cut the create→Running p99 from 1.2 s to 0.2 s, at
 * the same create rate).
 *
 * <p>The turn covers the reservation and the commit only. A create's other work (its rows, ports,
 * action and casts) comes first, outside the turn, by as many creates at once as there are request
 * threads; the reservation comes last, so the rows stay locked for its statement and the commit,
 * not for the whole create. With the whole transaction in the turn, twenty concurrent creates of
 * one project were accepted one after the other over 1.3 s on two busy cores (docs/benchmarks.md,
 * "Twenty at once"). Nothing in the work may lock those rows, or the turn's holder could wait on a
 * create that waits for the turn: no other statement of a create touches {@code quota_usages}.
 * Correctness stays with the row locks: other api processes, and the conductor's release
 * triggers, still meet them there.
 */
@ApplicationScoped
public class ReservationQueue {
    private static final Logger LOG = Logger.getLogger(ReservationQueue.class);
    /** Projects share a lock only when their ids hash alike; a few dozen keeps that rare. */
    static final int STRIPES = 64;
    /**
     * How long a create whose commit met the database going away waits for it to answer again, to
     * learn whether the commit took effect; a restart on one host takes a second or two.
     */
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(5);
    private static final Duration OUTCOME_POLL = Duration.ofMillis(200);

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final EntityManager em;

    public ReservationQueue(EntityManager em) {
        this.em = em;
        for (int i = 0; i < STRIPES; i++) {
            // fair: a burst of one project's creates is served in arrival order
            stripes[i] = new ReentrantLock(true);
        }
    }

    /**
     * Runs {@code work}, then {@code reserve} (which reserves quota of {@code projectId}) in the
     * project's turn, in one new transaction that commits in the turn too.
     */
    public void run(String projectId, Runnable work, Runnable reserve) {
        ReentrantLock lock = stripes[Math.floorMod(projectId.hashCode(), STRIPES)];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                // the work's own statements before the turn: only the reservation and the commit wait for it
                em.flush();
                lock.lock();
                reserve.run();
            });
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /**
     * The same, for a transaction that creates rows: when the database went away under it (a restart,
     * a failover), it may have committed all the same, since PostgreSQL can make a COMMIT durable and
     * close the connection before its answer leaves. {@code made} (asked in a transaction of its own,
     * once the database answers again) says whether the rows are there; if they are, the create
     * happened and returns normally, rather than as a 503 that a client would retry into a second one.
     * A failure before the commit left no rows, and is passed on.
     */
    public void run(String projectId, Runnable work, Runnable reserve, BooleanSupplier made) {
        try {
            run(projectId, work, reserve);
        } catch (RuntimeException failure) {
            Optional<String> away = TransientFailure.of(failure);
            if (away.isEmpty() || !madeAfterAll(made)) {
                throw failure;
            }
            LOG.infof("a create's transaction failed (%s), but its rows are there: the commit took effect, "
                    + "and the create is answered as made", away.get());
        }
    }

    /** Whether {@code made}, asked until the database answers or {@link #OUTCOME_WAIT} passed; false when it never did. */
    boolean madeAfterAll(BooleanSupplier made) {
        long deadline = System.nanoTime() + OUTCOME_WAIT.toNanos();
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(made::getAsBoolean);
            } catch (RuntimeException e) {
                if (TransientFailure.of(e).isEmpty() || System.nanoTime() > deadline) {
                    return false;
                }
            }
            try {
                Thread.sleep(OUTCOME_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}

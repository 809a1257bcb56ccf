package io.windlass.quota;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One project's reservations take turns in the api process, the rest of its creates' work does not;
 * other projects' do not wait for them.
 */
@QuarkusTest
class ReservationQueueIT {
    private static final Runnable NOTHING = () -> { };

    @Inject
    ReservationQueue reservations;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void aProjectsReservationsRunOneAtATimeEachInItsOwnTransaction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try {
            Future<?> first = holdingTheTurn(pool, "project-a", releaseFirst);
            CountDownLatch secondInside = new CountDownLatch(1);
            Future<?> second = pool.submit(() -> reservations.run("project-a", NOTHING, secondInside::countDown));
            CountDownLatch otherProjectInside = new CountDownLatch(1);
            Future<?> otherProject = pool.submit(() -> reservations.run(stripeMateFree("project-a"), NOTHING,
                    otherProjectInside::countDown));

            assertTrue(otherProjectInside.await(10, TimeUnit.SECONDS), "another project does not queue");
            otherProject.get(10, TimeUnit.SECONDS);
            assertFalse(secondInside.await(300, TimeUnit.MILLISECONDS), "the same project waits its turn");

            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * Only the reservation (and the commit) wait for the turn: a create of the project does its work
     * while another holds the turn, in the transaction its reservation then runs in.
     */
    @Test
    void theWorkOfACreateDoesNotWaitForTheTurn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try {
            Future<?> first = holdingTheTurn(pool, "project-d", releaseFirst);
            CountDownLatch secondWorked = new CountDownLatch(1);
            CountDownLatch secondReserved = new CountDownLatch(1);
            AtomicReference<Object> workTransaction = new AtomicReference<>();
            AtomicReference<Object> reserveTransaction = new AtomicReference<>();
            Future<?> second = pool.submit(() -> reservations.run("project-d", () -> {
                workTransaction.set(transactions.getTransactionKey());
                secondWorked.countDown();
            }, () -> {
                reserveTransaction.set(transactions.getTransactionKey());
                secondReserved.countDown();
            }));

            assertTrue(secondWorked.await(10, TimeUnit.SECONDS), "the work does not wait for the turn");
            assertFalse(secondReserved.await(300, TimeUnit.MILLISECONDS), "the reservation does");
            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertNotNull(workTransaction.get());
            assertEquals(workTransaction.get(), reserveTransaction.get(), "work and reservation share one transaction");
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedCreateFreesTheTurn() throws Exception {
        assertThrows(OverQuotaException.class, () -> reservations.run("project-b", NOTHING, () -> {
            throw new OverQuotaException(List.of(QuotaResource.CONTAINERS));
        }));
        RuntimeException refused = new IllegalArgumentException("refused before its reservation");
        assertSame(refused, assertThrows(RuntimeException.class, () -> reservations.run("project-b", () -> {
            throw refused;
        }, () -> fail("no reservation after a failed work"))));
        // from another thread: the lock is reentrant, so this thread would get it even if still held
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch ran = new CountDownLatch(1);
            other.submit(() -> reservations.run("project-b", NOTHING, ran::countDown));
            assertTrue(ran.await(10, TimeUnit.SECONDS), "the lock was released after the failures");
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * A create whose transaction met the database going away: passed on when its rows are not there
     * (it failed before its commit), answered as made when they are (the commit took effect before
     * the connection closed); any other failure is passed on without asking.
     */
    @Test
    void aCreateCaughtByTheDatabaseGoingAwayIsAnsweredByWhetherItsRowsAreThere() {
        RuntimeException away = new RuntimeException("commit failed", new SQLException("terminating", "57P01"));
        assertSame(away, assertThrows(RuntimeException.class,
                () -> reservations.run("project-c", () -> { throw away; }, NOTHING, () -> false)));
        reservations.run("project-c", NOTHING, () -> { throw away; }, () -> true);

        AtomicInteger asked = new AtomicInteger();
        RuntimeException bug = new IllegalStateException("not the database");
        assertSame(bug, assertThrows(RuntimeException.class,
                () -> reservations.run("project-c", () -> { throw bug; }, NOTHING, () -> asked.incrementAndGet() > 0)));
        assertEquals(0, asked.get(), "a failure that is not the database going away is not looked into");
    }

    /** The rows are looked for in a transaction of their own, again while the database is still away. */
    @Test
    void theRowsAreLookedForUntilTheDatabaseAnswers() {
        AtomicInteger asked = new AtomicInteger();
        assertTrue(reservations.madeAfterAll(() -> {
            assertTrue(QuarkusTransaction.isActive(), "asked in a transaction");
            if (asked.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLException("the database system is starting up", "57P03"));
            }
            return true;
        }));
        assertEquals(3, asked.get());
    }

    /** A create of {@code project} whose reservation holds the turn until {@code release} counts down. */
    private Future<?> holdingTheTurn(ExecutorService pool, String project, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inTurn = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> reservations.run(project, NOTHING, () -> {
            assertTrue(QuarkusTransaction.isActive(), "the reservation runs in a transaction");
            inTurn.countDown();
            await(release);
        }));
        assertTrue(inTurn.await(10, TimeUnit.SECONDS), "the turn was taken");
        return holder;
    }

    /** A project id whose lock stripe differs from {@code project}'s. */
    private static String stripeMateFree(String project) {
        for (int i = 0; ; i++) {
            String candidate = "project-other-" + i;
            if (Math.floorMod(candidate.hashCode(), ReservationQueue.STRIPES)
                    != Math.floorMod(project.hashCode(), ReservationQueue.STRIPES)) {
                return candidate;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

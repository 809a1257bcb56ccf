package io.windlass.scheduler.claim;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;
import io.windlass.scheduler.host.ComputeHostRows;
import io.windlass.scheduler.selection.DestinationSelector;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims against the real PostgreSQL, including concurrent schedulers racing for the same room. */
@QuarkusTest
class ClaimsIT {

    @Inject
    DestinationSelector selector;
    @Inject
    HostClaims claims;
    @Inject
    ComputeHostRows rows;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void twoHostsWithTenGibEach() {
        rows.clear();
        rows.insert("h1", 64, 10240, 100, 0);
        rows.insert("h2", 64, 10240, 100, 0);
    }

    @Test
    void concurrentClaimsNeverOvercommit() throws Exception {
        List<ResourceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(request(UUID.randomUUID(), 0.5, 1024));
        }
        ConcurrentSelections.Outcomes outcomes = ConcurrentSelections.select(selector, requests, 16);

        assertEquals(20, outcomes.claimed());
        assertEquals(20, outcomes.noValidHost());
        assertEquals(20, rows.allocations());
        for (String host : List.of("h1", "h2")) {
            assertTrue(rows.memoryUsed(host) <= 10240, host + " overcommitted: " + rows.memoryUsed(host));
            assertEquals(rows.allocatedMemory(host), rows.memoryUsed(host), "counters match allocations on " + host);
        }
        assertEquals(20 * 1024, rows.memoryUsed("h1") + rows.memoryUsed("h2"));
    }

    @Test
    void redeliveredRequestGetsTheSameHostWithoutASecondClaim() {
        UUID consumer = UUID.randomUUID();
        Selection first = selector.select(request(consumer, 1, 2048));
        Selection again = selector.select(request(consumer, 1, 2048));

        assertEquals(first.host(), again.host());
        assertEquals(1, rows.allocations());
        assertEquals(2048, rows.memoryUsed(first.host()));
    }

    @Test
    void simultaneousDeliveriesOfOneRequestClaimOnce() throws Exception {
        UUID consumer = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // bypass the lookup so both really race inside the claim transaction
        Future<ClaimResult> a = pool.submit(() -> claims.claim(List.of("h1"), consumer, request(consumer, 1, 1024)));
        Future<ClaimResult> b = pool.submit(() -> claims.claim(List.of("h2"), consumer, request(consumer, 1, 1024)));
        ClaimResult ra = a.get();
        ClaimResult rb = b.get();
        pool.shutdown();

        assertEquals(ra.host(), rb.host());
        assertEquals(1, rows.allocations());
        assertEquals(1024, rows.memoryUsed("h1") + rows.memoryUsed("h2"));
        assertTrue(List.of(ra.outcome(), rb.outcome()).contains(ClaimResult.Outcome.ALREADY_CLAIMED));
    }

    @Test
    void claimsOnTheFirstCandidateWithRoomInTheGivenOrder() {
        rows.insert("h3", 64, 10240, 100, 0);
        claims.claim(List.of("h2"), UUID.randomUUID(), request(UUID.randomUUID(), 1, 10240));

        ClaimResult result = claims.claim(List.of("h2", "h3", "h1"), UUID.randomUUID(),
                request(UUID.randomUUID(), 1, 1024));

        assertEquals(new ClaimResult(ClaimResult.Outcome.CLAIMED, "h3"), result, "h2 is full, h3 comes next");
        assertEquals(1024, rows.memoryUsed("h3"));
        assertEquals(0, rows.memoryUsed("h1"));
        assertEquals(ClaimResult.Outcome.NO_ROOM,
                claims.claim(List.of("h2"), UUID.randomUUID(), request(UUID.randomUUID(), 1, 1024)).outcome());
        assertEquals(2, rows.allocations(), "a refused claim leaves no allocation");
    }

    @Test
    void aCandidateLockedByAnotherClaimIsSkippedNotWaitedFor() throws Exception {
        try (Connection other = lockHostRow("h1")) {
            ClaimResult result = claims.claim(List.of("h1", "h2"), UUID.randomUUID(),
                    request(UUID.randomUUID(), 1, 1024));

            assertEquals(new ClaimResult(ClaimResult.Outcome.CLAIMED, "h2"), result);
            other.rollback();
        }
        assertEquals(0, rows.memoryUsed("h1"));
    }

    @Test
    void whenOnlyLockedCandidatesHaveRoomTheClaimWaitsAndRechecksTheirRoom() throws Exception {
        claims.claim(List.of("h2"), UUID.randomUUID(), request(UUID.randomUUID(), 1, 10240));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = lockHostRow("h1")) {
            // the lock holder takes 9 GiB of h1's 10: after it commits, 1 GiB is left
            try (PreparedStatement fill = other.prepareStatement(
                    "UPDATE compute_hosts SET memory_mb_used = memory_mb_used + 9216 WHERE host = 'h1'")) {
                fill.executeUpdate();
            }
            Future<ClaimResult> fits = pool.submit(() -> claims.claim(List.of("h2", "h1"), UUID.randomUUID(),
                    request(UUID.randomUUID(), 1, 1024)));
            Thread.sleep(300);
            assertFalse(fits.isDone(), "h1 had room in the snapshot: the claim waits for its lock");
            other.commit();

            assertEquals(new ClaimResult(ClaimResult.Outcome.CLAIMED, "h1"), fits.get(10, TimeUnit.SECONDS));
        }
        assertEquals(ClaimResult.Outcome.NO_ROOM,
                claims.claim(List.of("h1"), UUID.randomUUID(), request(UUID.randomUUID(), 1, 1024)).outcome(),
                "the re-check sees the holder's committed counters");
        pool.shutdown();
    }

    /**
     * Two claims that wait, in opposite candidate orders, for hosts that fill up meanwhile: each keeps
     * the lock of the host it found full and waits for the other's, which PostgreSQL ends as a deadlock.
     * Both must still end as an answer (here: no room), never as an error.
     */
    @Test
    void claimsWaitingInOppositeOrdersForHostsThatFillUpEndWithoutAnError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holdsH1 = lockHostRow("h1"); Connection holdsH2 = lockHostRow("h2")) {
            Future<ClaimResult> first = pool.submit(() -> claims.claim(List.of("h1", "h2"), UUID.randomUUID(),
                    request(UUID.randomUUID(), 1, 1024)));
            Future<ClaimResult> second = pool.submit(() -> claims.claim(List.of("h2", "h1"), UUID.randomUUID(),
                    request(UUID.randomUUID(), 1, 1024)));
            Thread.sleep(300);
            assertFalse(first.isDone() || second.isDone(), "both had room in their snapshots: both wait");
            fill(holdsH1, "h1");
            holdsH1.commit();
            Thread.sleep(300);
            fill(holdsH2, "h2");
            holdsH2.commit();

            assertEquals(ClaimResult.Outcome.NO_ROOM, first.get(20, TimeUnit.SECONDS).outcome());
            assertEquals(ClaimResult.Outcome.NO_ROOM, second.get(20, TimeUnit.SECONDS).outcome());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, rows.allocations());
    }

    private static void fill(Connection holder, String host) throws SQLException {
        try (PreparedStatement fill = holder.prepareStatement(
                "UPDATE compute_hosts SET memory_mb_used = memory_mb WHERE host = ?")) {
            fill.setString(1, host);
            fill.executeUpdate();
        }
    }

    /** Another transaction holding {@code host}'s row lock, as a concurrent claim does; close to release. */
    private Connection lockHostRow(String host) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT host FROM compute_hosts WHERE host = ? FOR UPDATE")) {
            lock.setString(1, host);
            lock.executeQuery().close();
        }
        return connection;
    }

    @Test
    void releaseFreesTheHostAndIsIdempotent() {
        UUID consumer = UUID.randomUUID();
        String host = selector.select(request(consumer, 2, 4096)).host();

        assertTrue(claims.release(consumer).isPresent());
        assertTrue(claims.release(consumer).isEmpty());
        assertEquals(0, rows.memoryUsed(host));
        assertEquals(0.0, rows.vcpusUsed(host), 1e-9);
        assertEquals(0, rows.allocations());
    }

    @Test
    void resizeGrowsAndShrinksTheClaimAndRefusesWhatDoesNotFit() {
        UUID consumer = UUID.randomUUID();
        String host = selector.select(request(consumer, 1, 1024)).host();

        claims.resize(consumer, 2, 8192);
        assertEquals(8192, rows.memoryUsed(host));
        assertEquals(2.0, rows.vcpusUsed(host), 1e-9);

        claims.resize(consumer, 0.5, 512);
        assertEquals(512, rows.memoryUsed(host));
        assertEquals(0.5, rows.vcpusUsed(host), 1e-9);

        RpcHandlerException refused = assertThrows(RpcHandlerException.class,
                () -> claims.resize(consumer, 0.5, 20480));
        assertEquals(SchedulerRpcApi.RESOURCES_UNAVAILABLE, refused.type());
        assertEquals("Host " + host + " has not enough memory (free 9728 MiB, asked 19968 MiB more).",
                refused.getMessage());
        assertEquals(512, rows.memoryUsed(host), "a refused resize changes nothing");
        assertEquals(512, rows.allocatedMemory(host));
    }

    @Test
    void requestedHostHintIsHonoured() {
        assertEquals("h2", selector.select(new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 1,
                512, 0, null, "h2", Map.of())).host());
    }

    private static ResourceRequest request(UUID consumer, double vcpus, long memoryMb) {
        return new ResourceRequest(consumer.toString(), "container", "p1", vcpus, memoryMb, 0, null, null,
                Map.of());
    }
}

package io.windlass.scheduler.rpc;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.ReturnClaim;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.host.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * move_claim and return_claim over RabbitMQ, as the conductor calls them to evacuate a server off a
 * down host and to cold-migrate one (the source's claim held under the migration's uuid).
 */
@QuarkusTest
class MoveClaimIT {
    private final RequestContext ctx = RequestContext.internal("move-claim-it");

    @Inject
    SchedulerRpcApi scheduler;
    @Inject
    ComputeHostRows rows;
    @Inject
    RpcConnection connection;

    @BeforeEach
    void emptyQueueAndInventory() throws Exception {
        try (var ch = connection.createChannel()) {
            ch.queuePurge(connection.declareTopicQueue(ch, RpcTopics.SCHEDULER));
        }
        rows.clear();
    }

    @Test
    void theClaimLeavesTheDownHostForAnotherOnceEvenWhenAskedTwice() {
        UUID consumer = claimedOnADownHost("down");
        rows.insert("spare", 8, 8192, 50, 0);

        assertEquals("spare", scheduler.moveClaim(ctx, new MoveClaim(request(consumer, null), "down")).host());
        assertEquals("spare", scheduler.moveClaim(ctx, new MoveClaim(request(consumer, null), "down")).host(),
                "a redelivery finds the claim moved");
        assertEquals(0, rows.memoryUsed("down"));
        assertEquals(1024, rows.memoryUsed("spare"));
        assertEquals(1, rows.allocations());
        assertEquals(1024, rows.allocatedMemory("spare"));
    }

    @Test
    void anAskedHostIsTheOnlyCandidateAndTheSourceNeverIs() {
        UUID consumer = claimedOnADownHost("down");
        rows.insert("big", 64, 65536, 500, 0);
        rows.insert("small", 2, 2048, 20, 0);
        assertEquals("small", scheduler.moveClaim(ctx, new MoveClaim(request(consumer, "small"), "down")).host());

        UUID other = claimedOnADownHost("down-2");
        RemoteException refused = assertThrows(RemoteException.class,
                () -> scheduler.moveClaim(ctx, new MoveClaim(request(other, "down-2"), "down-2")));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, refused.type());
    }

    @Test
    void withNoOtherHostWithRoomTheClaimStaysWhereItWas() {
        UUID consumer = claimedOnADownHost("down");
        rows.insert("full", 1, 512, 5, 0);
        RemoteException refused = assertThrows(RemoteException.class,
                () -> scheduler.moveClaim(ctx, new MoveClaim(request(consumer, null), "down")));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, refused.type());
        assertTrue(refused.getMessage().startsWith("There are not enough hosts available."), refused.getMessage());
        assertEquals(1024, rows.memoryUsed("down"));
        assertEquals(1024, rows.allocatedMemory("down"));
        assertEquals(0, rows.memoryUsed("full"));
    }

    @Test
    void aColdMigrationHoldsTheSourceClaimUnderItsMigrationUntilReturnedOnce() {
        rows.insert("source", 8, 8192, 50, 0);
        rows.insert("target", 8, 8192, 50, 0);
        UUID server = UUID.randomUUID();
        UUID migration = UUID.randomUUID();
        assertEquals("source", scheduler.selectDestination(ctx, request(server, "source")).host());

        MoveClaim move = new MoveClaim(request(server, null), "source", migration.toString());
        assertEquals("target", scheduler.moveClaim(ctx, move).host());
        assertEquals("target", scheduler.moveClaim(ctx, move).host(), "a redelivery finds the claim moved");
        assertEquals(1024, rows.memoryUsed("source"), "the source keeps the room for a revert");
        assertEquals(1024, rows.memoryUsed("target"));
        assertEquals(2, rows.allocations(), "the server's claim and the migration's");
        assertEquals(1024, rows.allocatedMemory("source"));

        ReturnClaim revert = new ReturnClaim(server.toString(), migration.toString());
        scheduler.returnClaim(ctx, revert);
        scheduler.returnClaim(ctx, revert);
        assertEquals(1024, rows.memoryUsed("source"));
        assertEquals(0, rows.memoryUsed("target"), "the target's claim went, once");
        assertEquals(1, rows.allocations());
        assertEquals(1024, rows.allocatedMemory("source"), "the server's own claim, on its source again");
        assertEquals("source", scheduler.selectDestination(ctx, request(server, null)).host(),
                "the claim is the server's: asking again answers its host");
    }

    @Test
    void aConfirmedColdMigrationReleasesTheHeldClaimAndKeepsTheNewOne() throws InterruptedException {
        rows.insert("source", 8, 8192, 50, 0);
        rows.insert("target", 8, 8192, 50, 0);
        UUID server = UUID.randomUUID();
        UUID migration = UUID.randomUUID();
        scheduler.selectDestination(ctx, request(server, "source"));
        scheduler.moveClaim(ctx, new MoveClaim(request(server, null), "source", migration.toString()));

        scheduler.releaseResources(ctx, migration.toString());
        // a cast: its end shows in the counters
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (rows.memoryUsed("source") != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, rows.memoryUsed("source"), "the held claim is released");
        assertEquals(1024, rows.memoryUsed("target"));
        assertEquals(1, rows.allocations());
        scheduler.returnClaim(ctx, new ReturnClaim(server.toString(), migration.toString()));
        assertEquals(1024, rows.memoryUsed("target"), "a revert after the confirm finds nothing held");
        assertEquals(1024, rows.allocatedMemory("target"));
    }

    /** A workload placed on {@code host}, which has stopped heart-beating since. */
    private UUID claimedOnADownHost(String host) {
        rows.insert(host, 8, 8192, 50, 0);
        UUID consumer = UUID.randomUUID();
        assertEquals(host, scheduler.selectDestination(ctx, request(consumer, host)).host());
        rows.execute("UPDATE compute_hosts SET last_heartbeat_at = now() - interval '600 seconds' WHERE host = '"
                + host + "'");
        return consumer;
    }

    private static ResourceRequest request(UUID consumer, String host) {
        return new ResourceRequest(consumer.toString(), "server", "p1", 1, 1024, 1, null, host, Map.of());
    }
}

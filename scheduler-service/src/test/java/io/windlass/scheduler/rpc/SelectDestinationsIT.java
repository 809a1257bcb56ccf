package io.windlass.scheduler.rpc;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;
import io.windlass.scheduler.host.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The scheduler topic end to end over RabbitMQ, as the conductor calls it. */
@QuarkusTest
class SelectDestinationsIT {
    private final RequestContext ctx = RequestContext.internal("select-destinations-it");

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
    void callReturnsTheClaimedHost() {
        rows.insert("node-a", 8, 8192, 50, 0);
        Selection selection = scheduler.selectDestination(ctx, request(UUID.randomUUID()));
        assertEquals("node-a", selection.host());
        assertEquals(1024, rows.memoryUsed("node-a"));
    }

    @Test
    void noHostsAnswersNoValidHostWithTheReason() {
        RemoteException e = assertThrows(RemoteException.class,
                () -> scheduler.selectDestination(ctx, request(UUID.randomUUID())));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, e.type());
        assertEquals("There are not enough hosts available. No compute hosts are registered.", e.getMessage());
    }

    @Test
    void aHostThatStoppedHeartBeatingIsNotChosen() {
        rows.insert("silent", 64, 65536, 500, 600);
        rows.insert("alive", 1, 2048, 10, 0);
        assertEquals("alive", scheduler.selectDestination(ctx, request(UUID.randomUUID())).host());

        rows.clear();
        rows.insert("silent", 64, 65536, 500, 600);
        RemoteException e = assertThrows(RemoteException.class,
                () -> scheduler.selectDestination(ctx, request(UUID.randomUUID())));
        assertEquals("There are not enough hosts available. 1 host: ComputeFilter removed 1 of 1", e.getMessage());
    }

    @Test
    void aRuntimeOrDedicatedCpusGoOnlyWhereTheHostsEngineOffersThem() {
        rows.insert("plain", 8, 8192, 50, 0);
        rows.engine("plain", "[\"runc\"]", 8);
        rows.insert("sandboxed", 8, 8192, 50, 0);
        rows.engine("sandboxed", "[\"runc\", \"runsc\"]", 1);
        rows.insert("older", 8, 8192, 50, 0);

        assertEquals("sandboxed", scheduler.selectDestination(ctx, engine(UUID.randomUUID(), "runsc", 0)).host());
        assertEquals("plain", scheduler.selectDestination(ctx, engine(UUID.randomUUID(), null, 2)).host(),
                "two CPUs to pin: only plain has them free, and the older host reported none");

        RemoteException e = assertThrows(RemoteException.class,
                () -> scheduler.selectDestination(ctx, engine(UUID.randomUUID(), "runsc", 2)));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, e.type());
        assertEquals("There are not enough hosts available. 3 hosts: RuntimeFilter removed 2 of 3; CpuSetFilter "
                + "removed 1 of 1", e.getMessage());
    }

    @Test
    void releaseCastFreesTheClaim() {
        rows.insert("node-a", 8, 8192, 50, 0);
        UUID consumer = UUID.randomUUID();
        scheduler.selectDestination(ctx, request(consumer));
        scheduler.releaseResources(ctx, consumer.toString());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rows.memoryUsed("node-a") != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, rows.memoryUsed("node-a"));
        assertEquals(0, rows.allocations());
    }

    private static ResourceRequest engine(UUID consumer, String runtime, int dedicatedCpus) {
        return new ResourceRequest(consumer.toString(), "container", "p1", Math.max(1, dedicatedCpus), 512, 1, null,
                null, Map.of(), Map.of(), Map.of(), runtime, dedicatedCpus);
    }

    private static ResourceRequest request(UUID consumer) {
        return new ResourceRequest(consumer.toString(), "container", "p1", 1, 1024, 1, null, null, Map.of());
    }
}

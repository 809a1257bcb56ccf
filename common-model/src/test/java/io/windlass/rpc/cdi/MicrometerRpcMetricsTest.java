package io.windlass.rpc.cdi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.rpc.QueueDepths;
import io.windlass.rpc.RpcMetrics.CallOutcome;
import io.windlass.rpc.RpcMetrics.HandlerOutcome;
import io.windlass.rpc.RpcMetrics.SendMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MicrometerRpcMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // never watched here, so it never touches the (absent) connection
    private final MicrometerRpcMetrics metrics = new MicrometerRpcMetrics(registry,
            new QueueDepths(null, Duration.ofSeconds(15)));

    @Test
    void aHostsTopicIsTaggedByItsApiSoHostsDoNotMultiplySeries() {
        metrics.sent("compute.host1", "create_container", SendMode.CAST);
        metrics.sent("compute.host2", "create_container", SendMode.CAST);
        metrics.confirmed("compute.host2", "create_container");

        assertEquals(2.0, registry.get("windlass.rpc.client.sent").tags("topic", "compute",
                "method", "create_container", "mode", "cast").counter().count());
        assertEquals(1, registry.get("windlass.rpc.client.sent").counters().size());
        assertEquals(1.0, registry.get("windlass.rpc.client.confirmed").tags("topic", "compute").counter().count());
    }

    @Test
    void aCallIsTimedByOutcome() {
        metrics.callEnded("scheduler", "select_destinations", CallOutcome.REPLY, TimeUnit.MILLISECONDS.toNanos(40));
        metrics.callEnded("scheduler", "select_destinations", CallOutcome.TIMEOUT, TimeUnit.SECONDS.toNanos(3));

        var reply = registry.get("windlass.rpc.client.call").tags("outcome", "reply").timer();
        assertEquals(1, reply.count());
        assertEquals(40.0, reply.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(1, registry.get("windlass.rpc.client.call").tags("outcome", "timeout").timer().count());
    }

    @Test
    void onlyWhatDidNotSucceedCountsAsAFailureAndARedeliveryIsCountedBesideTheDelivery() {
        metrics.received("conductor", "build_container", false);
        metrics.handled("conductor", "build_container", HandlerOutcome.RETRIED, 1_000);
        metrics.received("conductor", "build_container", true);
        metrics.handled("conductor", "build_container", HandlerOutcome.OK, 1_000);

        assertEquals(2.0, registry.get("windlass.rpc.server.received").counter().count());
        assertEquals(1.0, registry.get("windlass.rpc.server.redelivered").counter().count());
        assertEquals(1.0, registry.get("windlass.rpc.server.failures").tags("outcome", "retried").counter().count());
        assertEquals(1, registry.get("windlass.rpc.server.failures").counters().size());
        assertEquals(1, registry.get("windlass.rpc.server.handler").tags("outcome", "ok").timer().count());
        assertNull(registry.find("windlass.rpc.server.failures").tags("outcome", "ok").counter());
    }

    @Test
    void aDeliveryIsTimedByApiAndMethodAndASenderClockAheadCountsAsNoWait() {
        metrics.delivered("compute.host1", "create_container", TimeUnit.MILLISECONDS.toNanos(3));
        metrics.delivered("compute.host2", "create_container", -TimeUnit.MILLISECONDS.toNanos(2));

        var delivery = registry.get("windlass.rpc.server.delivery").tags("topic", "compute",
                "method", "create_container").timer();
        assertEquals(2, delivery.count());
        assertEquals(3.0, delivery.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(1, registry.get("windlass.rpc.server.delivery").timers().size());
    }

    @Test
    void aSendTheBrokerRefusedIsCountedByMode() {
        metrics.sendFailed("conductor", "report_host_state", SendMode.TRANSIENT);

        assertEquals(1.0, registry.get("windlass.rpc.client.send.failures").tags("mode", "transient").counter()
                .count());
    }
}

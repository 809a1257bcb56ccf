package io.windlass.rpc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GuardedRpcMetricsTest {

    @Test
    void aMeterThatThrowsNeverReachesTheMessage() {
        RpcMetrics broken = new RpcMetrics() {
            @Override
            public void sent(String topic, String method, SendMode mode) {
                throw new IllegalStateException("registry closed");
            }

            @Override
            public void handled(String topic, String method, HandlerOutcome outcome, long nanos) {
                throw new IllegalStateException("registry closed");
            }
        };
        GuardedRpcMetrics guarded = new GuardedRpcMetrics(broken);

        assertDoesNotThrow(() -> guarded.sent("conductor", "build_container", RpcMetrics.SendMode.CAST));
        assertDoesNotThrow(() -> guarded.handled("conductor", "build_container", RpcMetrics.HandlerOutcome.OK, 1));
    }

    @Test
    void everyEventReachesTheRealMeters() {
        List<String> seen = new ArrayList<>();
        GuardedRpcMetrics guarded = new GuardedRpcMetrics(new RpcMetrics() {
            @Override
            public void received(String topic, String method, boolean redelivered) {
                seen.add(topic + "." + method + (redelivered ? " again" : ""));
            }

            @Override
            public void consuming(String topic, String queue) {
                seen.add(queue);
            }
        });

        guarded.received("compute.h1", "create_container", true);
        guarded.consuming("compute.h1", "ns.compute.h1");

        assertEquals(List.of("compute.h1.create_container again", "ns.compute.h1"), seen);
    }

    @Test
    void aMethodFromTheWireIsATagOnlyWhenTheEndpointServesIt() {
        RpcEndpoint endpoint = new RpcEndpoint("echo", new RpcVersion(1, 0)).on("ping", String.class, (c, a) -> a);

        assertEquals("ping", endpoint.methodTag("ping"));
        assertEquals(RpcEndpoint.UNKNOWN_METHOD, endpoint.methodTag("drop_table_" + System.nanoTime()));
        assertEquals(RpcEndpoint.UNKNOWN_METHOD, endpoint.methodTag(null));
    }
}

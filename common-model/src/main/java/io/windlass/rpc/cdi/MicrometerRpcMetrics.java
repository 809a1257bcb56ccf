package io.windlass.rpc.cdi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.windlass.metrics.LatencyBuckets;
import io.windlass.rpc.QueueDepths;
import io.windlass.rpc.RpcMetrics;
import io.windlass.rpc.RpcTopics;

import java.util.concurrent.TimeUnit;

/**
 * The RPC layer's meters (docs/metrics.md, "RPC"). Topics are tagged by their API
 * ({@code compute}, not {@code compute.host1}) so that a conductor sending to a thousand hosts has
 * one series per method, not per host; methods are the registered names, never a name from the wire.
 */
public class MicrometerRpcMetrics implements RpcMetrics {
    private final MeterRegistry registry;
    private final QueueDepths depths;

    public MicrometerRpcMetrics(MeterRegistry registry, QueueDepths depths) {
        this.registry = registry;
        this.depths = depths;
    }

    @Override
    public void sent(String topic, String method, SendMode mode) {
        Counter.builder("windlass.rpc.client.sent").description("RPC messages published, by topic, method and mode")
                .tags("topic", RpcTopics.api(topic), "method", method, "mode", mode.tag())
                .register(registry).increment();
    }

    @Override
    public void confirmed(String topic, String method) {
        Counter.builder("windlass.rpc.client.confirmed").description("Durable casts the broker confirmed")
                .tags("topic", RpcTopics.api(topic), "method", method).register(registry).increment();
    }

    @Override
    public void sendFailed(String topic, String method, SendMode mode) {
        Counter.builder("windlass.rpc.client.send.failures")
                .description("Sends the broker did not take or confirm (the caller got BrokerUnavailable)")
                .tags("topic", RpcTopics.api(topic), "method", method, "mode", mode.tag())
                .register(registry).increment();
    }

    @Override
    public void callEnded(String topic, String method, CallOutcome outcome, long nanos) {
        Timer.builder("windlass.rpc.client.call").description("RPC calls from send to reply, by outcome")
                .tags("topic", RpcTopics.api(topic), "method", method, "outcome", outcome.tag())
                .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void received(String topic, String method, boolean redelivered) {
        String api = RpcTopics.api(topic);
        Counter.builder("windlass.rpc.server.received").description("RPC messages delivered to this service")
                .tags("topic", api, "method", method).register(registry).increment();
        if (redelivered) {
            Counter.builder("windlass.rpc.server.redelivered")
                    .description("Deliveries the broker had made before (a retry, or a consumer lost before its ack)")
                    .tags("topic", api, "method", method).register(registry).increment();
        }
    }

    @Override
    public void delivered(String topic, String method, long nanos) {
        Timer.builder("windlass.rpc.server.delivery")
                .description("Time from a message's send to its delivery here: broker transit and queue wait")
                .tags("topic", RpcTopics.api(topic), "method", method)
                .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry)
                .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void handled(String topic, String method, HandlerOutcome outcome, long nanos) {
        String api = RpcTopics.api(topic);
        Timer.builder("windlass.rpc.server.handler").description("RPC handler time, from delivery to ack, by outcome")
                .tags("topic", api, "method", method, "outcome", outcome.tag())
                .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (outcome != HandlerOutcome.OK) {
            Counter.builder("windlass.rpc.server.failures")
                    .description("Deliveries that did not end in success, by outcome")
                    .tags("topic", api, "method", method, "outcome", outcome.tag()).register(registry).increment();
        }
    }

    @Override
    public void consuming(String topic, String queue) {
        depths.watch(queue);
        Gauge.builder("windlass.rpc.queue.depth", depths, d -> d.ready(queue))
                .description("Messages ready in a queue this service consumes (sampled; NaN when unknown)")
                .tags("queue", queue, "topic", RpcTopics.api(topic)).register(registry);
        Gauge.builder("windlass.rpc.queue.consumers", depths, d -> d.consumers(queue))
                .description("Consumers attached to a queue this service consumes, from every process (sampled)")
                .tags("queue", queue, "topic", RpcTopics.api(topic)).register(registry);
    }
}

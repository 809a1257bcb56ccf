package io.windlass.conductor.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.support.ContainerRows;
import io.windlass.conductor.support.FakeEdges;
import io.windlass.conductor.support.Poll;
import io.windlass.conductor.support.RecordedSpans;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTracing;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.windlass.conductor.support.FakeEdges.next;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A message the conductor handles continues the sender's trace: its process span is the child of
 * the send span named in the envelope, and what the handler sends on (the scheduler call, the cast
 * to the agent) is the process span's child, all with the request id.
 */
@QuarkusTest
@TestProfile(RpcTraceIT.Traced.class)
class RpcTraceIT {
    /** The SDK on, its spans to {@link RecordedSpans} only: no OTLP exporter, no collector needed. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    private final RequestContext ctx = new RequestContext(RequestContext.newRequestId(), "req-global", "u", "p1",
            List.of("member"));

    @Inject
    ConductorRpcApi conductor;
    @Inject
    ContainerRows rows;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    Tracer tracer;
    @Inject
    RecordedSpans spans;

    FakeEdges edges;

    @BeforeEach
    void start() throws Exception {
        rows.clear();
        edges = new FakeEdges(connection, json);
        spans.clear();
    }

    @AfterEach
    void stop() {
        edges.close();
    }

    @Test
    void theHandlersSpanIsTheChildOfTheSendersContext() throws Exception {
        UUID uuid = rows.insert("Creating", null);
        Span request = tracer.spanBuilder("test request").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            conductor.buildContainer(ctx, new BuildContainer(uuid.toString(), true));
        } finally {
            request.end();
        }
        next(edges.creates);
        Poll.until("the build's process span ended", () -> span("process build_container").isPresent());

        String trace = request.getSpanContext().getTraceId();
        SpanData sent = span("send build_container").orElseThrow();
        SpanData handled = span("process build_container").orElseThrow();
        assertEquals(SpanKind.PRODUCER, sent.getKind());
        assertEquals(request.getSpanContext().getSpanId(), sent.getParentSpanId());
        // handled on an RPC consumer thread: only the envelope can have told it its parent
        assertEquals(SpanKind.CONSUMER, handled.getKind());
        assertEquals(trace, handled.getTraceId());
        assertEquals(sent.getSpanId(), handled.getParentSpanId());
        assertEquals("ok", handled.getAttributes().get(AttributeKey.stringKey(
                "windlass.rpc.outcome")));

        SpanData select = span("send select_destinations").orElseThrow();
        SpanData create = span("send create_container").orElseThrow();
        assertEquals(SpanKind.CLIENT, select.getKind());
        assertEquals(SpanKind.PRODUCER, create.getKind());
        for (SpanData onward : List.of(select, create)) {
            assertEquals(trace, onward.getTraceId());
            assertEquals(handled.getSpanId(), onward.getParentSpanId());
        }
        assertEquals("compute.node-1", create.getAttributes().get(
                AttributeKey.stringKey("messaging.destination.name")));
        for (SpanData span : List.of(sent, handled, select, create)) {
            assertEquals(ctx.requestId(), span.getAttributes().get(RpcTracing.REQUEST_ID), span.getName());
            assertEquals("rabbitmq", span.getAttributes().get(
                    AttributeKey.stringKey("messaging.system")));
        }
    }

    private Optional<SpanData> span(String name) {
        return spans.finished().stream().filter(s -> s.getName().equals(name)).findFirst();
    }
}

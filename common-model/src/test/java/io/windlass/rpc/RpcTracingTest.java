package io.windlass.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.windlass.context.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trace context an envelope carries: what goes in, what comes out, and what is ignored. */
class RpcTracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private final RpcTracing tracing = new RpcTracing(sdk);
    private final RequestContext ctx = new RequestContext("req-1", "req-0", "u", "p", List.of("member"));

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    @Test
    void headersNameTheSpanOfTheContext() {
        Span span = tracing.startSend("conductor", "build_container", ctx, false);
        RpcTracing.Headers headers = RpcTracing.Headers.of(Context.root().with(span));
        SpanContext sent = span.getSpanContext();
        assertEquals("00-" + sent.getTraceId() + "-" + sent.getSpanId() + "-01", headers.traceparent());
        assertNull(headers.tracestate());

        SpanContext extracted = Span.fromContext(headers.context()).getSpanContext();
        assertTrue(extracted.isRemote());
        assertEquals(sent.getTraceId(), extracted.getTraceId());
        assertEquals(sent.getSpanId(), extracted.getSpanId());
        span.end();
    }

    @Test
    void tracestateTravelsWithTheParent() {
        SpanContext extracted = Span.fromContext(new RpcTracing.Headers(TRACEPARENT, "vendor=abc").context())
                .getSpanContext();
        assertEquals(TRACE_ID, extracted.getTraceId());
        assertEquals("abc", extracted.getTraceState().get("vendor"));
        assertEquals(new RpcTracing.Headers(TRACEPARENT, "vendor=abc"),
                RpcTracing.Headers.of(Context.root().with(Span.wrap(extracted))));
    }

    @Test
    void noSpanNoHeaders() {
        assertEquals(RpcTracing.Headers.NONE, RpcTracing.Headers.of(Context.root()));
        // tracing off: the send span is a no-op and the envelope carries nothing
        Span off = RpcTracing.off().startSend("conductor", "build_container", ctx, false);
        assertEquals(RpcTracing.Headers.NONE, RpcTracing.Headers.of(Context.root().with(off)));
    }

    @Test
    void onlyASpanOfATraceIsMadeCurrent() {
        try (var ignored = RpcTracing.within(Span.getInvalid())) {
            assertEquals(Context.root(), Context.current());
        }
        try (var ignored = RpcTracing.within(RpcTracing.Headers.NONE.context())) {
            assertEquals(Context.root(), Context.current());
        }
        Span send = tracing.startSend("conductor", "build_container", ctx, false);
        try (var ignored = RpcTracing.within(send)) {
            assertEquals(send.getSpanContext(), Span.current().getSpanContext());
        }
        send.end();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "garbage", "00-" + TRACE_ID + "-" + SPAN_ID, "00-xyz-" + SPAN_ID + "-01",
            "00-00000000000000000000000000000000-" + SPAN_ID + "-01", "ff-" + TRACE_ID + "-" + SPAN_ID + "-01"})
    void absentOrGarbledTraceparentGivesNoParent(String traceparent) {
        assertFalse(Span.fromContext(new RpcTracing.Headers(traceparent, "vendor=abc").context())
                .getSpanContext().isValid());
        assertFalse(Span.fromContext(RpcTracing.Headers.NONE.context()).getSpanContext().isValid());
    }

    @Test
    void processSpanIsTheSendersChild() {
        Span send = tracing.startSend("conductor", "build_container", ctx, false);
        RpcTracing.Headers headers = RpcTracing.Headers.of(Context.root().with(send));
        send.end();
        Envelope message = new Envelope("build_container", "1.0", null, ctx, "m-1", null, Instant.now(),
                headers.traceparent(), headers.tracestate());
        tracing.startProcess("conductor", message, false).end();

        SpanData sent = spans.getFinishedSpanItems().get(0);
        SpanData processed = spans.getFinishedSpanItems().get(1);
        assertEquals(SpanKind.PRODUCER, sent.getKind());
        assertEquals(SpanKind.CONSUMER, processed.getKind());
        assertEquals(sent.getTraceId(), processed.getTraceId());
        assertEquals(sent.getSpanId(), processed.getParentSpanId());
        for (SpanData span : List.of(sent, processed)) {
            assertEquals("req-1", span.getAttributes().get(RpcTracing.REQUEST_ID));
            assertEquals("req-0", span.getAttributes().get(RpcTracing.GLOBAL_REQUEST_ID));
            assertEquals("rabbitmq", span.getAttributes().get(RpcTracing.MESSAGING_SYSTEM));
            assertEquals("conductor", span.getAttributes().get(RpcTracing.DESTINATION));
            assertEquals("build_container", span.getAttributes().get(RpcTracing.RPC_METHOD));
        }
    }

    @Test
    void aMessageWithAGarbledParentStartsItsOwnTrace() {
        Envelope message = new Envelope("build_container", "1.0", null, ctx, "m-1", "amq.rabbitmq.reply-to",
                Instant.now(), "00-not-a-trace-01", null);
        tracing.startProcess("conductor", message, true).end();
        SpanData processed = spans.getFinishedSpanItems().get(0);
        assertEquals(SpanKind.SERVER, processed.getKind());
        assertTrue(processed.getSpanContext().isValid());
        assertFalse(processed.getParentSpanContext().isValid());
    }

    @Test
    void theTraceFieldsAreOptionalOnTheWire() throws Exception {
        ObjectNode args = json.createObjectNode().put("text", "hello");
        Envelope untraced = new Envelope("ping", "1.0", args, ctx, "m-1", null, Instant.now());
        ObjectNode written = (ObjectNode) json.readTree(json.writeValueAsBytes(untraced));
        // an envelope without a trace is written as before tracing
        assertFalse(written.has("traceparent"));
        assertFalse(written.has("tracestate"));
        assertEquals(untraced, json.readValue(json.writeValueAsBytes(written), Envelope.class));

        Envelope traced = new Envelope("ping", "1.0", args, ctx, "m-1", null, Instant.now(), TRACEPARENT, "a=b");
        ObjectNode tracedJson = (ObjectNode) json.readTree(json.writeValueAsBytes(traced));
        assertEquals(TRACEPARENT, tracedJson.get("traceparent").asText());
        assertEquals(traced, json.readValue(json.writeValueAsBytes(tracedJson), Envelope.class));
        // an older receiver's envelope (the fields it knows) reads the new one, unknown fields ignored
        tracedJson.put("some_future_field", 1);
        assertEquals(traced, json.readValue(json.writeValueAsBytes(tracedJson), Envelope.class));
    }
}

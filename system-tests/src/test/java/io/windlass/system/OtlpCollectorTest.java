package io.windlass.system;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system tests' collector reads what OpenTelemetry's own OTLP marshaler writes. */
class OtlpCollectorTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void decodesTheSpansOfAnExport() throws Exception {
        List<OtlpCollector.CollectedSpan> spans = OtlpCollector.decodeTraces(export(List.of(
                span("send build_container", "00f067aa0ba902b7", SpanContext.getInvalid(), SpanKind.PRODUCER),
                span("process build_container", "00f067aa0ba902b8", parent("00f067aa0ba902b7"),
                        SpanKind.CONSUMER))));

        assertEquals(2, spans.size());
        // the marshaler groups spans by resource and scope and does not promise their order within a group
        OtlpCollector.CollectedSpan sent = named(spans, "send build_container");
        OtlpCollector.CollectedSpan processed = named(spans, "process build_container");
        assertEquals(new OtlpCollector.CollectedSpan("api-service", TRACE, "00f067aa0ba902b7", "",
                "send build_container", OtlpCollector.Kind.PRODUCER, Map.of("windlass.request_id", "req-1",
                "messaging.system", "rabbitmq", "retries", "2", "confirmed", "true")), sent);
        assertEquals(OtlpCollector.Kind.CONSUMER, processed.kind());
        assertEquals("00f067aa0ba902b7", processed.parentSpanId());
    }

    @Test
    void acceptsExportsOverLoopbackHttpGzippedOrNot() throws Exception {
        try (OtlpCollector collector = OtlpCollector.start()) {
            assertTrue(collector.endpoint().startsWith("http://127.0.0.1:"), collector.endpoint());
            byte[] body = export(List.of(span("engine create", "00f067aa0ba902b7", parent("00f067aa0ba902b6"),
                    SpanKind.CLIENT)));
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, post(http, collector, body, false));
            assertEquals(200, post(http, collector, gzip(body), true));
            assertEquals(400, post(http, collector, new byte[] {0x0a, 0x7f}, false));

            OtlpCollector.CollectedSpan engine = collector.await("the engine span", s -> s.name().equals("engine create"));
            assertEquals(OtlpCollector.Kind.CLIENT, engine.kind());
            assertEquals(2, collector.spans().size());
            assertEquals(1, collector.failures().size());
        }
    }

    private static int post(HttpClient http, OtlpCollector collector, byte[] body, boolean gzipped) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collector.endpoint() + OtlpCollector.TRACES_PATH))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzipped) {
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static OtlpCollector.CollectedSpan named(List<OtlpCollector.CollectedSpan> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no span " + name + " in " + spans));
    }

    private static SpanContext parent(String spanId) {
        return SpanContext.create(TRACE, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }

    private static SpanData span(String name, String spanId, SpanContext parent, SpanKind kind) {
        return TestSpanData.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "api-service")))
                .setInstrumentationScopeInfo(InstrumentationScopeInfo.create("io.windlass.rpc"))
                .setSpanContext(SpanContext.create(TRACE, spanId, TraceFlags.getSampled(), TraceState.getDefault()))
                .setParentSpanContext(parent)
                .setName(name).setKind(kind)
                .setAttributes(Attributes.builder().put("windlass.request_id", "req-1")
                        .put("messaging.system", "rabbitmq").put("retries", 2L).put("confirmed", true).build())
                .setStartEpochNanos(1_000).setEndEpochNanos(2_000).setHasEnded(true)
                .setStatus(StatusData.unset()).setTotalRecordedEvents(0).setTotalRecordedLinks(0)
                .build();
    }

    private static byte[] export(List<SpanData> spans) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(out);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }
}

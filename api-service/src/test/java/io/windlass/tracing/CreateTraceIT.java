package io.windlass.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.Envelope;
import io.windlass.rpc.RpcTracing;
import io.windlass.testing.RecordedSpans;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A create's build cast, recorded in the outbox and sent after commit by the relay, continues the
 * HTTP request's trace: its envelope names the relay's send span, a child of the request's span.
 */
@QuarkusTest
@TestProfile(CreateTraceIT.Traced.class)
class CreateTraceIT {
    /** The SDK on, its spans to {@link RecordedSpans} only: no OTLP exporter, no collector needed. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    @Inject
    ObjectMapper json;
    @Inject
    RecordedSpans spans;

    @Test
    void theBuildCastContinuesTheRequestsTrace() throws Exception {
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            spans.clear();
            String requestId = given().header("OpenStack-API-Version", "container 1.40")
                    .contentType("application/json").body("{\"name\": \"traced\", \"image\": \"busybox\"}")
                    .when().post("/container/v1/containers")
                    .then().statusCode(202).extract().header("X-OpenStack-Request-Id");

            Envelope build = conductor.next(Duration.ofSeconds(10)).envelope();
            assertEquals(ConductorRpcApi.BUILD_CONTAINER.name(), build.method());
            assertNotNull(build.traceparent(), "the envelope carries the trace context");
            SpanData http = awaitSpan(s -> s.getKind() == SpanKind.SERVER);
            SpanData send = awaitSpan(s -> s.getName().equals("send build_container"));

            assertEquals(requestId, http.getAttributes().get(RpcTracing.REQUEST_ID));
            // sent by the outbox relay on its own thread, after commit: the row carried the context
            assertEquals(http.getTraceId(), send.getTraceId());
            assertEquals(http.getSpanId(), send.getParentSpanId());
            assertEquals(requestId, send.getAttributes().get(RpcTracing.REQUEST_ID));
            assertEquals("00-" + send.getTraceId() + "-" + send.getSpanId() + "-01", build.traceparent());
        }
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.finished().stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such span among " + spans.finished().stream().map(SpanData::getName).toList());
    }
}

package io.windlass.agent.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.agent.testing.AgentQueuesReset;
import io.windlass.agent.testing.ConductorProbe;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.testing.RecordedSpans;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTracing;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agent's part of a create's trace, on the real engine: the handler's span continues the
 * conductor's, the engine calls and the status report are its children, all with the request id.
 */
@QuarkusTest
@WithTestResource(AgentQueuesReset.class)
@TestProfile(AgentTraceIT.Traced.class)
class AgentTraceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The SDK on, its spans to {@link RecordedSpans} only: no OTLP exporter, no collector needed. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    @Inject
    ComputeRpcApi compute;
    @Inject
    RpcConnection connection;
    @Inject
    ObjectMapper json;
    @Inject
    Tracer tracer;
    @Inject
    RecordedSpans spans;

    private final RequestContext ctx = new RequestContext("req-" + UUID.randomUUID(), "req-global", "tester",
            "project-1", List.of("admin"));

    @Test
    void theEngineCallsAndTheReportAreTheHandlersChildren() throws Exception {
        String uuid = UUID.randomUUID().toString();
        spans.clear();
        Span conductor = tracer.spanBuilder("test conductor").startSpan();
        try (ConductorProbe reports = ConductorProbe.listen(connection, json)) {
            try (Scope ignored = conductor.makeCurrent()) {
                compute.createContainer(AgentQueuesReset.HOST, ctx, new CreateContainer(ContainerSpecs.container(uuid)
                        .name("it-trace").image("busybox").command(List.of("sleep", "300")).limits(0.5, 64)
                        .labels(Map.of("windlass.test", "agent-trace-it")).project("project-1").build(), true));
            } finally {
                conductor.end();
            }
            reports.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                    r -> r.uuid().equals(uuid) && r.operationDone() && r.status() == ContainerStatus.RUNNING, WAIT,
                    "the create's report");
            try {
                SpanData sent = await("send create_container", s -> true);
                SpanData handled = await("process create_container", s -> true);
                SpanData create = await("engine create", s -> "container".equals(attribute(s, "windlass.engine.kind")));
                SpanData start = await("engine start", s -> true);
                SpanData report = await("send report_container_status",
                        s -> s.getParentSpanId().equals(handled.getSpanId()));

                String trace = conductor.getSpanContext().getTraceId();
                assertEquals(conductor.getSpanContext().getSpanId(), sent.getParentSpanId());
                assertEquals(SpanKind.CONSUMER, handled.getKind());
                assertEquals(sent.getSpanId(), handled.getParentSpanId());
                for (SpanData child : List.of(create, start, report)) {
                    assertEquals(trace, child.getTraceId(), child.getName());
                    assertEquals(handled.getSpanId(), child.getParentSpanId(), child.getName());
                }
                assertEquals(SpanKind.CLIENT, create.getKind());
                assertEquals("ok", attribute(create, "windlass.engine.outcome"));
                assertEquals(SpanKind.PRODUCER, report.getKind());
                for (SpanData span : List.of(sent, handled, create, start, report)) {
                    assertEquals(ctx.requestId(), span.getAttributes().get(RpcTracing.REQUEST_ID), span.getName());
                }
            } finally {
                compute.deleteContainer(AgentQueuesReset.HOST, ctx, new DeleteContainer(uuid, true, false));
                reports.await(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class,
                        r -> r.uuid().equals(uuid) && r.operationDone() && r.gone(), WAIT, "the delete's report");
            }
        }
    }

    private SpanData await(String name, Predicate<SpanData> also) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.finished().stream()
                    .filter(s -> s.getName().equals(name) && also.test(s)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span " + name + " among " + spans.finished().stream().map(SpanData::getName)
                .toList());
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}

package io.windlass.system.ops;

import io.restassured.response.Response;
import io.windlass.system.ContainersApi;
import io.windlass.system.OtlpCollector;
import io.windlass.system.OtlpCollector.CollectedSpan;
import io.windlass.system.OtlpCollector.Kind;
import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/metrics.md, "Tracing": with an OTLP endpoint configured, one container create is one trace,
 * from the API's HTTP span through every RPC hop to the engine call and back through the agent's
 * status report, every span naming the request.
 */
class TracingST {
    /** Before the system, so it is closed after the services stopped and sent their last spans. */
    @RegisterExtension
    @Order(1)
    static final OtlpCollector collector = OtlpCollector.start();

    @RegisterExtension
    @Order(2)
    static final WindlassSystem system = traced(new WindlassSystem());

    private final ContainersApi api = system.containers();

    private static WindlassSystem traced(WindlassSystem system) {
        for (WindlassService service : WindlassService.values()) {
            system.withProperty(service, "quarkus.otel.exporter.otlp.traces.endpoint=" + collector.endpoint())
                    .withProperty(service, "quarkus.otel.exporter.otlp.traces.protocol=http/protobuf")
                    // batches every 200 ms rather than 5 s: the test waits for them
                    .withProperty(service, "quarkus.otel.bsp.schedule.delay=200ms");
        }
        return system;
    }

    @Test
    void oneCreateIsOneTraceFromTheApiToTheEngineAndBack() {
        Response created = api.create(Map.of("name", "st-traced", "image", "busybox",
                "command", List.of("sleep", "3600")), true);
        assertEquals(202, created.statusCode(), created.asString());
        String requestId = created.header("X-OpenStack-Request-Id");
        String uuid = ContainersApi.uuidOf(created);
        api.awaitStatus(uuid, "Running");

        CollectedSpan http = collector.await("the create's HTTP span", s -> s.service().equals("api-service")
                && s.kind() == Kind.SERVER && requestId.equals(s.attribute("windlass.request_id")));
        String trace = http.traceId();

        CollectedSpan build = span(trace, "api-service", "send build_container", Kind.PRODUCER);
        CollectedSpan conductor = span(trace, "conductor-service", "process build_container", Kind.CONSUMER);
        CollectedSpan select = span(trace, "conductor-service", "send select_destinations", Kind.CLIENT);
        CollectedSpan scheduler = span(trace, "scheduler-service", "process select_destinations", Kind.SERVER);
        CollectedSpan cast = span(trace, "conductor-service", "send create_container", Kind.PRODUCER);
        CollectedSpan agent = span(trace, "compute-agent", "process create_container", Kind.CONSUMER);
        CollectedSpan engine = span(trace, "compute-agent", "engine create", Kind.CLIENT,
                s -> "container".equals(s.attribute("windlass.engine.kind")));
        CollectedSpan report = span(trace, "compute-agent", "send report_container_status", Kind.PRODUCER);
        // the agent may report more than once while it creates: the conductor's handling of this one
        CollectedSpan reported = span(trace, "conductor-service", "process report_container_status",
                Kind.CONSUMER, s -> s.parentSpanId().equals(report.spanId()));

        // each hop is the child of the one before it: the context crossed the bus in the envelope
        // (and, for the build, the api's outbox)
        String why = collector.describe(trace);
        assertEquals(http.spanId(), build.parentSpanId(), why);
        assertEquals(build.spanId(), conductor.parentSpanId(), why);
        assertEquals(conductor.spanId(), select.parentSpanId(), why);
        assertEquals(select.spanId(), scheduler.parentSpanId(), why);
        assertEquals(conductor.spanId(), cast.parentSpanId(), why);
        assertEquals(cast.spanId(), agent.parentSpanId(), why);
        assertEquals(agent.spanId(), engine.parentSpanId(), why);
        assertEquals(agent.spanId(), report.parentSpanId(), why);

        for (CollectedSpan span : List.of(build, conductor, select, scheduler, cast, agent, engine, report,
                reported)) {
            assertEquals(requestId, span.attribute("windlass.request_id"), span.name() + why);
        }
        for (CollectedSpan span : List.of(build, conductor, select, scheduler, cast, agent, report, reported)) {
            assertEquals("rabbitmq", span.attribute("messaging.system"), span.name());
            assertTrue(span.attribute("messaging.destination.name") != null, span.name());
        }
        assertEquals(List.of(), collector.failures());
    }

    /** The span of {@code trace} that {@code service} exported under {@code name}, waiting for its batch. */
    private static CollectedSpan span(String trace, String service, String name, Kind kind) {
        return span(trace, service, name, kind, s -> true);
    }

    private static CollectedSpan span(String trace, String service, String name, Kind kind,
                                      Predicate<CollectedSpan> also) {
        Predicate<CollectedSpan> which = s -> s.traceId().equals(trace) && s.service().equals(service)
                && s.name().equals(name) && also.test(s);
        CollectedSpan span = collector.await(service + "'s span " + name + " in trace " + trace, which);
        assertEquals(kind, span.kind(), name);
        return span;
    }
}

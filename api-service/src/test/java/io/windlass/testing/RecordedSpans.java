package io.windlass.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every span the api-service ends, kept in memory for the test to read: Quarkus' OpenTelemetry extension adds
 * every {@link SpanProcessor} bean to the tracer provider. Records nothing unless a test profile
 * turns the SDK on (without an OTLP endpoint it is off).
 */
@Singleton
public class RecordedSpans {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    @Produces
    @Singleton
    @Unremovable
    SpanProcessor recorder() {
        return SimpleSpanProcessor.create(spans);
    }

    public List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    public void clear() {
        spans.reset();
    }
}

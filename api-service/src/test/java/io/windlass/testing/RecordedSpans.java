package io.windlass.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every span the api-service ends, kept in memory for the test to read: a {@link SpanProcessor} bean,
 * which Quarkus' OpenTelemetry extension adds to the tracer provider. Records nothing unless a
 * test profile turns the SDK on (without an OTLP endpoint it is off).
 */
@Singleton
@Unremovable
public class RecordedSpans implements SpanProcessor {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    public List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    public void clear() {
        spans.reset();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        // only ended spans are of interest
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        spans.export(List.of(span.toSpanData()));
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}

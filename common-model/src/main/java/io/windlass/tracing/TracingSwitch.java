package io.windlass.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Traces are recorded and exported only when an OTLP endpoint is configured
 * ({@code quarkus.otel.exporter.otlp.endpoint} or {@code quarkus.otel.exporter.otlp.traces.endpoint}):
 * without one, Quarkus' OpenTelemetry extension would export to {@code localhost:4317} and log every
 * failed export, so this turns its SDK off ({@code quarkus.otel.sdk.disabled=true}): no exporter, no
 * spans, the RPC envelopes carry no trace context. An explicit {@code quarkus.otel.sdk.disabled} wins
 * (a test that records spans in memory sets it false), since this source sits below every other.
 * <p>
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; see docs/metrics.md, Tracing.
 */
public class TracingSwitch implements ConfigSourceFactory {
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");
    /** Below application.properties (250), the environment and system properties: any of them overrides it. */
    static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean endpoint = ENDPOINTS.stream().map(context::getValue).anyMatch(TracingSwitch::configured);
        return List.of(new PropertiesConfigSource(Map.of(SDK_DISABLED, Boolean.toString(!endpoint)),
                "windlass tracing switch", ORDINAL));
    }

    /**
     * Set by the operator: the extension's own default ({@code http://localhost:4317/}, from the
     * defaults source at the lowest ordinal) does not count, a value written anywhere does.
     */
    static boolean configured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }
}

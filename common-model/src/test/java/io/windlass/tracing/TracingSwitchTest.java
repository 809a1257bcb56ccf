package io.windlass.tracing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenTelemetry SDK is on exactly when an operator configured an OTLP endpoint, unless told otherwise. */
class TracingSwitchTest {

    @Test
    void offWithoutAnEndpoint() {
        assertEquals("true", disabled(Map.of()));
    }

    @Test
    void theExtensionsDefaultEndpointIsNoEndpoint() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")
                .withSources(new TracingSwitch()).build();
        assertEquals("true", config.getRawValue(TracingSwitch.SDK_DISABLED));
    }

    @Test
    void onWithAnEndpoint() {
        assertEquals("false", disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:4318")));
        assertEquals("false", disabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://localhost:4317")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals("false", disabled(Map.of("quarkus.otel.sdk.disabled", "false")));
        assertEquals("true", disabled(Map.of("quarkus.otel.sdk.disabled", "true",
                "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:4318")));
    }

    private static String disabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new TracingSwitch()).build();
        return config.getRawValue(TracingSwitch.SDK_DISABLED);
    }
}

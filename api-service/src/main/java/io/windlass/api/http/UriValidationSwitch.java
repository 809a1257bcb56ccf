package io.windlass.api.http;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Hands the check of request targets from Quarkus to {@link RequestTargetEncoder}. Quarkus parses
 * every target with {@code java.net.URI} before any route runs and answers what that refuses (a raw
 * {@code ^} in {@code ?name=^web}) with an empty 400 without a request id ({@code VertxHttpRecorder}'s
 * {@code ACTUAL_ROOT}); its only switch is the JVM property {@code vertx.disableURIValidation}, read
 * once when that class initialises, before any bean exists. A config customizer
 * ({@code META-INF/services}) is the earliest code an application runs, in tests and in production alike.
 */
@StaticInitSafe
public class UriValidationSwitch implements SmallRyeConfigBuilderCustomizer {
    static final String PROPERTY = "vertx.disableURIValidation";

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        System.setProperty(PROPERTY, "true");
    }
}

package io.windlass.api.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The api-service's meter filters; Quarkus applies every {@link MeterFilter} bean to its registries. */
@ApplicationScoped
public class MeterFilters {

    @Produces
    @Singleton
    MeterFilter httpRoutes() {
        return new HttpRouteMeters();
    }
}

package io.windlass.compute.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code windlass.compute.*}: how the compute API presents hosts and zones. */
@ConfigMapping(prefix = "windlass.compute")
public interface ComputeConfig {

    /** Zone of hosts that no aggregate puts into one (Nova's {@code default_availability_zone}). */
    @WithDefault("nova")
    String defaultAvailabilityZone();
}

package io.windlass.host.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings shared by every service under {@code windlass.*}; the conductor and scheduler read the same key. */
@ConfigMapping(prefix = "windlass")
public interface ServiceLivenessConfig {

    /** A host whose last heartbeat is older than this is down ({@code state: down} in os-services). */
    @WithDefault("60s")
    Duration serviceDownTime();
}

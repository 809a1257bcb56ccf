package io.windlass.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings shared by every service under {@code windlass.*}; the conductor reads the same key. */
@ConfigMapping(prefix = "windlass")
public interface ServiceLivenessConfig {

    /** A host whose last heartbeat is older than this is down and gets no new work. */
    @WithDefault("60s")
    Duration serviceDownTime();
}

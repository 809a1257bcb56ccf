package io.windlass.conductor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings shared by every service under {@code windlass.*}; the scheduler reads the same key. */
@ConfigMapping(prefix = "windlass")
public interface ServiceLivenessConfig {

    /** A host whose last heartbeat is older than this is down: its containers become Unknown. */
    @WithDefault("60s")
    Duration serviceDownTime();
}

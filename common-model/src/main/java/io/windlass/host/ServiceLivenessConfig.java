package io.windlass.host;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code windlass.service-down-time}: one setting that the conductor (marks workloads
 * Unknown), the scheduler (sends no new work) and the api-service (os-services state) must
 * agree on, so it is defined once.
 */
@ConfigMapping(prefix = "windlass")
public interface ServiceLivenessConfig {

    /**
     * A host whose last heartbeat is older than this is down. Three of the agents' 10 s heartbeats:
     * one late beat does not make a host flap, a dead one is down within half a minute.
     */
    @WithDefault("30s")
    Duration serviceDownTime();
}

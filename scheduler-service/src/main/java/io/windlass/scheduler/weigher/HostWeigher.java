package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Scores a host (Nova's BaseHostWeigher). Raw scores are normalised to 0..1 across the
 * candidates before the multiplier applies, so weighers with different units combine.
 */
public interface HostWeigher {

    double multiplier();

    double rawWeight(HostCandidate host, ResourceRequest request);
}

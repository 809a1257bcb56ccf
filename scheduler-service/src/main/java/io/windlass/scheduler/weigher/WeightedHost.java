package io.windlass.scheduler.weigher;

import io.windlass.scheduler.host.HostCandidate;

/**
 * A host with its combined weight; higher is better.
 *
 * @param host   the host
 * @param weight sum of multiplier times normalised weight over all weighers
 */
public record WeightedHost(HostCandidate host, double weight) {
}

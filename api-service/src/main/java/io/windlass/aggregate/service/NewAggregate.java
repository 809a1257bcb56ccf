package io.windlass.aggregate.service;

import java.util.Optional;

/**
 * A validated {@code POST /os-aggregates}.
 *
 * @param name             aggregate name
 * @param availabilityZone zone to store as metadata, if any
 */
public record NewAggregate(String name, Optional<String> availabilityZone) {
}

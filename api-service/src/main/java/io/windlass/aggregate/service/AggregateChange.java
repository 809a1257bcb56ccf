package io.windlass.aggregate.service;

import java.util.Optional;

/**
 * A validated {@code PUT /os-aggregates/{id}}: at least one of the two is present.
 *
 * @param name             new name, stripped
 * @param availabilityZone new zone; empty leaves it as is
 */
public record AggregateChange(Optional<String> name, Optional<String> availabilityZone) {
}

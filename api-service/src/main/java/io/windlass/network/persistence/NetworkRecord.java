package io.windlass.network.persistence;

import java.util.List;

/** A network row with the ids of its subnets. */
public record NetworkRecord(String id, String projectId, String name, String description, boolean adminStateUp,
                            boolean shared, int mtu, boolean portSecurityEnabled, int segmentationId,
                            List<String> subnets, String createdAt, String updatedAt, int revisionNumber) {
}

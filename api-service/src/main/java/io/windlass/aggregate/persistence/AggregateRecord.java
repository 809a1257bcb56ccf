package io.windlass.aggregate.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One aggregate with its members and metadata, timestamps already in Nova's wire form.
 *
 * @param createdAt {@code 2016-12-27T22:51:32.877711} (UTC, no zone)
 * @param updatedAt same form, null until first changed
 * @param hosts     member host names, sorted
 * @param metadata  all metadata, {@code availability_zone} included
 */
public record AggregateRecord(int id, UUID uuid, String name, String createdAt, String updatedAt,
                              List<String> hosts, Map<String, String> metadata) {

    /** Nova keeps the zone only as this metadata key. */
    public static final String AZ_KEY = "availability_zone";

    public String availabilityZone() {
        return metadata.get(AZ_KEY);
    }
}

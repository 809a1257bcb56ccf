package io.windlass.migration.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * What {@code GET /os-migrations} asks for, as Nova's {@code migration_get_all_by_filters} reads
 * its filters: each null field does not filter.
 *
 * @param host          either end of the move ({@code source_compute} or {@code dest_compute})
 * @param sourceCompute the host it left; ignored when {@code host} is given, as in Nova
 * @param hidden        only migrations whose {@code hidden} is this
 * @param since         updated at or after ({@code changes-since}); a never updated one does not match
 * @param before        updated at or before ({@code changes-before})
 */
public record MigrationFilter(String host, String sourceCompute, String status, UUID instanceUuid,
                              String migrationType, Boolean hidden, String userId, String projectId, Instant since,
                              Instant before) {
}

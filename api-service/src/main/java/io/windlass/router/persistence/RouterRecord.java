package io.windlass.router.persistence;

/** A router row. */
public record RouterRecord(String id, String projectId, String name, String description, boolean adminStateUp,
                           String createdAt, String updatedAt, int revisionNumber) {
}

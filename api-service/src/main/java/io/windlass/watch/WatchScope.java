package io.windlass.watch;

import java.util.UUID;

/**
 * What one watch covers, as its list or show would: one kind, one project or (all_projects,
 * all_tenants) every project, and optionally one workload.
 *
 * @param projectId null for every project
 * @param uuid      null for every workload of the kind
 */
public record WatchScope(WorkloadKind kind, String projectId, UUID uuid) {

    public static WatchScope project(WorkloadKind kind, String projectId) {
        return new WatchScope(kind, projectId, null);
    }

    public static WatchScope one(WorkloadKind kind, UUID uuid) {
        return new WatchScope(kind, null, uuid);
    }

    /** Whether the watcher may see this change at all. */
    public boolean covers(WorkloadChange change) {
        return change.kind() == kind
                && (projectId == null || projectId.equals(change.projectId()))
                && (uuid == null || uuid.equals(change.uuid()));
    }
}

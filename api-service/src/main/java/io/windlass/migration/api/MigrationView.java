package io.windlass.migration.api;

import io.windlass.action.ActionLog;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.migration.persistence.MigrationEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One migration as Nova's {@code MigrationsController._output} shows it: the base fields, from
 * 2.23 {@code migration_type} (and {@code links} for an in-progress live migration), from 2.59
 * {@code uuid}, from 2.80 {@code user_id} and {@code project_id}; the host fields are null for a
 * caller {@code os-migrations:index:host} does not allow.
 *
 * @param type        2.23: {@code migration_type} and the links
 * @param uuid        2.59: {@code uuid}
 * @param userProject 2.80: {@code user_id} and {@code project_id}
 * @param hosts       whether the caller may see the hosts
 */
public record MigrationView(boolean type, boolean uuid, boolean userProject, boolean hosts) {
    /** Nova's {@code live_migration_in_progress}: the statuses whose live migration has links. */
    private static final Set<String> LIVE_IN_PROGRESS = Set.of("queued", "preparing", "running", "post-migrating");

    public Map<String, Object> of(MigrationEntity m, ComputeLinks links) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created_at", ActionLog.TIME.format(m.createdAt));
        out.put("dest_compute", hosts ? m.destCompute : null);
        out.put("dest_host", hosts ? m.destHost : null);
        out.put("dest_node", hosts ? m.destNode : null);
        out.put("id", m.id);
        out.put("instance_uuid", m.instanceUuid.toString());
        out.put("new_instance_type_id", m.newInstanceTypeId);
        out.put("old_instance_type_id", m.oldInstanceTypeId);
        out.put("source_compute", hosts ? m.sourceCompute : null);
        out.put("source_node", hosts ? m.sourceNode : null);
        out.put("status", m.status);
        out.put("updated_at", m.updatedAt == null ? null : ActionLog.TIME.format(m.updatedAt));
        if (type) {
            out.put("migration_type", m.migrationType);
            if ("live-migration".equals(m.migrationType) && LIVE_IN_PROGRESS.contains(m.status)) {
                out.put("links", links.links("servers/" + m.instanceUuid + "/migrations", m.id.toString()));
            }
        }
        if (uuid) {
            out.put("uuid", m.uuid.toString());
        }
        if (userProject) {
            out.put("user_id", m.userId);
            out.put("project_id", m.projectId);
        }
        return out;
    }
}

package io.windlass.container.api;

import java.util.Map;
import java.util.UUID;

/**
 * A validated {@code GET /containers}.
 *
 * @param limit       page size (capped)
 * @param marker      uuid of the last container of the previous page, or null
 * @param sortKey     Zun sort key
 * @param sortDir     asc or desc
 * @param allProjects list every project (admin only)
 * @param filters     Zun filter name to typed value
 */
public record ContainerListQuery(int limit, UUID marker, String sortKey, String sortDir, boolean allProjects,
                                 Map<String, Object> filters) {

    /** Zun sort key to entity attribute. */
    static final Map<String, String> SORT_KEYS = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("uuid", "uuid"), Map.entry("name", "name"),
            Map.entry("image", "image"), Map.entry("status", "status"), Map.entry("created_at", "createdAt"),
            Map.entry("updated_at", "updatedAt"), Map.entry("memory", "memory"), Map.entry("cpu", "cpu"),
            Map.entry("host", "host"), Map.entry("project_id", "projectId"), Map.entry("user_id", "userId"),
            Map.entry("task_state", "taskState"));

    /** Zun filter name to entity attribute. */
    static final Map<String, String> FILTERS = Map.of(
            "name", "name", "image", "image", "project_id", "projectId", "user_id", "userId", "memory", "memory",
            "host", "host", "task_state", "taskState", "status", "status", "auto_remove", "autoRemove");
}

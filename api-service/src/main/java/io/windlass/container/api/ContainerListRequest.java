package io.windlass.container.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The query of {@code GET /containers}, validated as Zun does: unknown parameters, bad
 * limits, sort keys or booleans are 400s.
 *
 * @param limit       page size (capped)
 * @param marker      uuid of the last container of the previous page, or null
 * @param sortKey     Zun sort key (column name)
 * @param sortDir     asc or desc
 * @param allProjects list every project (admin only)
 * @param filters     Zun filter name to typed value
 */
public record ContainerListRequest(int limit, UUID marker, String sortKey, String sortDir, boolean allProjects,
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

    private static final Set<String> PAGING = Set.of("limit", "marker", "sort_key", "sort_dir", "all_projects",
            "expand");

    public static ContainerListRequest from(Map<String, List<String>> query, int maxLimit) {
        Set<String> unknown = new TreeSet<>();
        for (String key : query.keySet()) {
            if (!PAGING.contains(key) && !FILTERS.containsKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("InvalidValue", "Unknown parameters: " + String.join(", ", unknown));
        }
        int limit = maxLimit;
        String limitText = first(query, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit <= 0) {
                throw InvalidInputException.query("limit", limitText, "Limit must be positive integer.");
            }
            limit = Math.min(limit, maxLimit);
        }
        UUID marker = null;
        String markerText = first(query, "marker");
        if (markerText != null) {
            try {
                marker = UUID.fromString(markerText);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.query("marker", markerText, "Marker must be a container uuid.");
            }
        }
        String sortKey = orDefault(first(query, "sort_key"), "id");
        if (!SORT_KEYS.containsKey(sortKey)) {
            throw InvalidInputException.query("sort_key", sortKey,
                    "Allowed sort keys: " + String.join(", ", new TreeSet<>(SORT_KEYS.keySet())) + ".");
        }
        String sortDir = orDefault(first(query, "sort_dir"), "asc");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw InvalidInputException.query("sort_dir", sortDir, "Sort direction must be asc or desc.");
        }
        String allText = first(query, "all_projects");
        boolean allProjects = OsloBoolean.queryParameter("all_projects", allText);
        Map<String, Object> filters = new LinkedHashMap<>();
        for (String name : FILTERS.keySet()) {
            String value = first(query, name);
            if (value != null) {
                filters.put(name, typed(name, value));
            }
        }
        return new ContainerListRequest(limit, marker, sortKey, sortDir, allProjects, filters);
    }

    private static Object typed(String name, String value) {
        try {
            return switch (name) {
                case "memory" -> Integer.parseInt(value);
                case "status" -> ContainerStatus.fromValue(value);
                case "task_state" -> TaskState.fromValue(value);
                case "auto_remove" -> OsloBoolean.queryParameter(name, value);
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.query(name, value, "Not a valid " + name + ".");
        }
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}

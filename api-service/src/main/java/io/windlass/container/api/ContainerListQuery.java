package io.windlass.container.api;

import java.util.Map;
import java.util.UUID;

/**
 * A validated {@code GET /containers}: Zun's sort keys and filter names are the column names.
 *
 * @param marker  uuid of the last container of the previous page, or null
 * @param filters filter name to typed value
 */
public record ContainerListQuery(int limit, UUID marker, String sortKey, String sortDir, boolean allProjects,
                                 Map<String, Object> filters) {
}

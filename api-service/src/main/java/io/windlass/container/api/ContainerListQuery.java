package io.windlass.container.api;

import java.util.Map;
import java.util.UUID;

/**
 * A validated {@code GET /containers}.
 *
 * @param limit       page size (capped)
 * @param marker      uuid of the last container of the previous page, or null
 * @param sortKey     Zun sort key (a column name)
 * @param sortDir     asc or desc
 * @param allProjects list every project (admin only)
 * @param filters     Zun filter name (a column name) to typed value
 */
public record ContainerListQuery(int limit, UUID marker, String sortKey, String sortDir, boolean allProjects,
                                 Map<String, Object> filters) {
}

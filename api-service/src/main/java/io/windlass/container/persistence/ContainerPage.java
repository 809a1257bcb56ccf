package io.windlass.container.persistence;

import java.util.Map;

/**
 * What a container list asks of the database.
 *
 * @param projectId     restrict to this project; null for all projects
 * @param filters       Zun column name ({@code task_state}) to exact value, all of which must match
 * @param sortColumn    Zun column name to order by (ties broken by id)
 * @param ascending     sort direction
 * @param limit         page size
 * @param marker        the last row of the previous page, or null for the first page
 */
public record ContainerPage(String projectId, Map<String, Object> filters, String sortColumn, boolean ascending,
                            int limit, ContainerEntity marker) {
    public ContainerPage {
        filters = Map.copyOf(filters);
    }
}

package io.windlass.server.persistence;

import java.util.List;

/**
 * A validated server listing: which rows, in which order, from where.
 *
 * @param projectId       only this project's servers, or null for every project (admin's all_tenants)
 * @param includeDeleted  also soft-deleted rows (changes-since/changes-before, or deleted=true)
 * @param onlyDeleted     only soft-deleted rows (deleted=true)
 * @param conditions      SQL conditions on alias {@code s}, with positional-free named parameters
 * @param sort            sort keys (column expressions on {@code s}) with directions
 * @param markerId        database id of the marker row, or null for the first page
 * @param limit           page size
 */
public record ServerQuery(String projectId, boolean includeDeleted, boolean onlyDeleted, List<Condition> conditions,
                          List<SortKey> sort, Long markerId, int limit) {

    /**
     * One SQL condition and its parameter.
     *
     * @param sql       e.g. {@code s.flavor_id = :flavor}
     * @param parameter the named parameter in it, or null
     * @param value     its value
     */
    public record Condition(String sql, String parameter, Object value) {
    }

    /**
     * One sort key.
     *
     * @param column     column of {@code servers}
     * @param descending descending order
     */
    public record SortKey(String column, boolean descending) {
    }
}

package io.windlass.networking;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A WHERE clause built from a list request's filters: each known attribute compares its column
 * (uuid columns as uuids, any other as text, so booleans and inet alike) with the given values; unknown attributes are
 * ignored, as Neutron does without its {@code filter-validation} extension.
 */
public final class SqlFilters {
    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final Map<String, Object> parameters = new HashMap<>();

    /**
     * @param columns  attribute → SQL expression of the column
     * @param booleans the attributes given as True/False
     * @param uuids    the attributes whose column is a uuid: compared as uuids, so that its index serves
     */
    public SqlFilters(NeutronQuery query, Map<String, String> columns, Set<String> booleans, Set<String> uuids) {
        query.filters().forEach((name, values) -> {
            String column = columns.get(name);
            if (column == null || values.isEmpty()) {
                return;
            }
            if (uuids.contains(name)) {
                uuidIn(column, values);
            } else {
                add(column, booleans.contains(name) ? NeutronQuery.booleans(name, values) : values);
            }
        });
    }

    /** {@code column IN (values)} on a uuid column; a value that is no uuid matches nothing. */
    private void uuidIn(String column, List<String> values) {
        List<UUID> ids = values.stream().filter(Rows::isUuid).map(UUID::fromString).toList();
        if (ids.isEmpty()) {
            where.append(" AND false");
            return;
        }
        String parameter = "f" + parameters.size();
        where.append(" AND ").append(column).append(" IN (:").append(parameter).append(")");
        parameters.put(parameter, ids);
    }

    /** {@code cast(column as text) IN (values)}. */
    public SqlFilters add(String column, List<String> values) {
        String parameter = "f" + parameters.size();
        where.append(" AND cast(").append(column).append(" as text) IN (:").append(parameter).append(")");
        parameters.put(parameter, values);
        return this;
    }

    /** A condition of the caller's own, with its parameters. */
    public SqlFilters raw(String condition, Map<String, Object> values) {
        where.append(" AND (").append(condition).append(")");
        parameters.putAll(values);
        return this;
    }

    /** Paging by id: the page after {@code marker}, at most {@code limit} + 1 rows to tell whether more follow. */
    public Query query(EntityManager em, String select, String idColumn, NeutronQuery query) {
        StringBuilder sql = new StringBuilder(select).append(where);
        if (query.marker() != null) {
            sql.append(" AND cast(").append(idColumn).append(" as text) > :marker");
            parameters.put("marker", query.marker());
        }
        sql.append(" ORDER BY ").append(idColumn);
        if (query.limit() != null) {
            sql.append(" LIMIT ").append(query.limit() + 1);
        }
        Query q = em.createNativeQuery(sql.toString());
        parameters.forEach(q::setParameter);
        return q;
    }
}

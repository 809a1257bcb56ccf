package io.windlass.server.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import io.windlass.api.error.InvalidInputException;
import jakarta.persistence.Query;

import io.windlass.server.service.ServerStatusMapping;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads and locks {@code servers} rows; listing is native SQL so that filters can use PostgreSQL's regex and jsonb. */
@ApplicationScoped
public class ServerRepository implements PanacheRepository<ServerEntity> {

    /** A live (not soft-deleted) server. */
    public Optional<ServerEntity> findLive(UUID uuid) {
        return find("uuid = ?1 and deletedAt is null", uuid).firstResultOptional();
    }

    /** A live server, locked until the transaction ends. */
    public Optional<ServerEntity> lockLive(UUID uuid) {
        return find("uuid = ?1 and deletedAt is null", uuid).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Writes a server's tags. In SQL rather than by the entity's dirty check, which lost a whole
     * replacement of a server's tags (PUT /servers/{id}/tags after single-tag PUTs; Tempest's
     * test_update_all_tags) while it kept single additions.
     */
    public void writeTags(UUID uuid, String json) {
        getEntityManager().createNativeQuery("UPDATE servers SET tags = cast(:tags as jsonb), updated_at = now() "
                + "WHERE uuid = :uuid").setParameter("tags", json).setParameter("uuid", uuid).executeUpdate();
    }

    /** The marker row of a listing (live or deleted), by uuid. */
    public Optional<ServerEntity> findAny(UUID uuid) {
        return find("uuid", uuid).firstResultOptional();
    }

    /** Nova's filter names and the columns they compare. */
    /** PostgreSQL's SQLSTATE for a regular expression it cannot compile. */
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";
    private static final Map<String, String> FILTER_COLUMNS = Map.ofEntries(Map.entry("image", "image_ref"),
            Map.entry("flavor", "flavor_id"), Map.entry("reservation_id", "reservation_id"),
            Map.entry("availability_zone", "availability_zone"), Map.entry("key_name", "key_name"),
            Map.entry("vm_state", "vm_state"), Map.entry("task_state", "task_state"), Map.entry("user_id", "user_id"),
            Map.entry("hostname", "hostname"), Map.entry("host", "host"), Map.entry("node", "host"),
            Map.entry("uuid", "uuid"), Map.entry("locked", "locked"), Map.entry("power_state", "power_state"));

    /** Nova's sort keys and the columns they order by (keys of columns Windlass lacks order by id). */
    private static final Map<String, String> SORT_COLUMNS = Map.ofEntries(
            Map.entry("access_ip_v4", "access_ip_v4"), Map.entry("access_ip_v6", "access_ip_v6"),
            Map.entry("auto_disk_config", "disk_config"), Map.entry("availability_zone", "availability_zone"),
            Map.entry("config_drive", "config_drive"), Map.entry("created_at", "created_at"),
            Map.entry("display_description", "description"), Map.entry("display_name", "name"),
            Map.entry("host", "host"), Map.entry("hostname", "hostname"), Map.entry("image_ref", "image_ref"),
            Map.entry("instance_type_id", "flavor_id"), Map.entry("kernel_id", "id"),
            Map.entry("key_name", "key_name"), Map.entry("launch_index", "launch_index"),
            Map.entry("launched_at", "launched_at"), Map.entry("locked_by", "locked_by"), Map.entry("node", "host"),
            Map.entry("power_state", "power_state"), Map.entry("progress", "progress"),
            Map.entry("project_id", "project_id"), Map.entry("ramdisk_id", "id"),
            Map.entry("root_device_name", "id"), Map.entry("task_state", "task_state"),
            Map.entry("terminated_at", "terminated_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("user_id", "user_id"), Map.entry("uuid", "uuid"), Map.entry("vm_state", "vm_state"),
            Map.entry("locked", "locked"));

    /** Whether Windlass can order by this Nova sort key (Nova ignores the others before 2.75). */
    public static boolean sortable(String key) {
        return SORT_COLUMNS.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    public List<ServerEntity> list(ServerQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.projectId() != null) {
            where.add("s.project_id = :project");
            parameters.put("project", query.projectId());
        }
        if (query.onlyDeleted()) {
            where.add("s.deleted_at is not null");
        } else if (!query.includeDeleted()) {
            where.add("s.deleted_at is null");
        }
        if (query.changesSince() != null) {
            where.add("s.updated_at >= :since");
            parameters.put("since", query.changesSince());
        }
        if (query.changesBefore() != null) {
            where.add("coalesce(s.updated_at, s.created_at) <= :before");
            parameters.put("before", query.changesBefore());
        }
        query.equal().forEach((name, value) -> {
            where.add("s." + FILTER_COLUMNS.get(name) + " = :" + name);
            parameters.put(name, value);
        });
        query.matching().forEach((name, regex) -> {
            // the address versions are constants, never request text
            where.add(name.equals("name") ? "s.name ~ :name" : "exists (select 1 from jsonb_each(s.addresses) n, "
                    + "jsonb_array_elements(n.value) a where a->>'addr' ~ :" + name + " and (a->>'version') = '"
                    + (name.equals("ip") ? "4" : "6") + "')");
            parameters.put(name, regex);
        });
        if (query.states() != null) {
            where.add(statusCondition(query.states()));
        }
        int t = 0;
        for (Map.Entry<String, List<String>> filter : query.tags().entrySet()) {
            // every tag (@>) or any of them (jsonb_exists_any, as ?| would clash with JDBC's placeholders)
            String parameter = "tags" + t++;
            String has = filter.getKey().endsWith("-any")
                    ? "jsonb_exists_any(s.tags, array(select jsonb_array_elements_text(cast(:" + parameter + " as jsonb))))"
                    : "s.tags @> cast(:" + parameter + " as jsonb)";
            where.add(filter.getKey().startsWith("not-") ? "not " + has : has);
            parameters.put(parameter, jsonArray(filter.getValue()));
        }
        List<ServerQuery.SortKey> sort = columns(query.sort());
        if (query.marker() != null) {
            where.add(afterMarker(sort));
            parameters.put("marker", query.marker());
        }
        StringBuilder sql = new StringBuilder("SELECT s.* FROM servers s");
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(String.join(", ", sort.stream()
                .map(k -> "s." + k.key() + (k.descending() ? " DESC" : " ASC")).toList())).append(" LIMIT :limit");
        Query q = getEntityManager().createNativeQuery(sql.toString(), ServerEntity.class);
        // listed rows are only rendered: no snapshots for dirty checking
        q.setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(q::setParameter);
        q.setParameter("limit", query.limit());
        try {
            return q.getResultList();
        } catch (PersistenceException e) {
            throw invalidRegex(e, query.matching().keySet()).orElseThrow(() -> e);
        }
    }

    /**
     * The filters' regular expressions passed Java's syntax ({@code format: regex}); one that
     * PostgreSQL's still refuses ({@code (?<n>x)}: no named groups there) is the caller's error.
     */
    private static Optional<InvalidInputException> invalidRegex(PersistenceException e, Set<String> filters) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INVALID_REGULAR_EXPRESSION.equals(sql.getSQLState())) {
                return Optional.of(InvalidInputException.badRequest("Invalid regular expression in the "
                        + String.join(", ", filters) + " filter: the database refuses it."));
            }
        }
        return Optional.empty();
    }

    /** The sort as columns: created_at descending by default, and id last so that pages are stable. */
    private static List<ServerQuery.SortKey> columns(List<ServerQuery.SortKey> keys) {
        List<ServerQuery.SortKey> sort = new ArrayList<>();
        keys.forEach(k -> sort.add(new ServerQuery.SortKey(SORT_COLUMNS.get(k.key()), k.descending())));
        if (sort.isEmpty()) {
            sort.add(new ServerQuery.SortKey("created_at", true));
        }
        sort.add(new ServerQuery.SortKey("id", sort.getLast().descending()));
        return sort;
    }

    /** Nova's status filter as vm_state/task_state alternatives; the values come from Nova's table, never the request. */
    /** The tags as a JSON array: any character but {@code ,} and {@code /} may be in a tag, quotes too. */
    static String jsonArray(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            value.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    json.append('\\').append((char) c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", c));
                } else {
                    json.append((char) c);
                }
            });
            json.append('"');
        }
        return json.append(']').toString();
    }

    private static String statusCondition(List<ServerStatusMapping.StatePair> states) {
        List<String> alternatives = new ArrayList<>();
        for (ServerStatusMapping.StatePair pair : states) {
            if (pair.taskState() != null) {
                alternatives.add("(s.vm_state = '" + pair.vmState() + "' and s.task_state = '" + pair.taskState()
                        + "')");
            } else {
                List<String> overriding = ServerStatusMapping.overridingTaskStates(pair.vmState());
                alternatives.add("(s.vm_state = '" + pair.vmState() + "'" + (overriding.isEmpty() ? ""
                        : " and (s.task_state is null or s.task_state not in ('" + String.join("', '", overriding)
                        + "'))") + ")");
            }
        }
        return alternatives.isEmpty() ? "false" : "(" + String.join(" or ", alternatives) + ")";
    }

    /**
     * Rows strictly after the marker in the sort order: a row-value comparison when every key
     * sorts the same way, else for keys k1..kn, (k1 after m1) or (k1 = m1 and k2 after m2) or
     * ... A null sort value compares as unknown in SQL, so rows
     * whose sort key is null can be skipped when paging by a nullable key (the default keys are not null).
     */
    private static String afterMarker(List<ServerQuery.SortKey> sort) {
        boolean oneDirection = sort.stream().allMatch(k -> k.descending() == sort.getFirst().descending());
        if (oneDirection) {
            // a row-value comparison walks the (created_at, id) index straight to the page
            String columns = String.join(", ", sort.stream().map(k -> "s." + k.key()).toList());
            String marker = String.join(", ", sort.stream().map(k -> "m." + k.key()).toList());
            return "(" + columns + ") " + (sort.getFirst().descending() ? "<" : ">")
                    + " (SELECT " + marker + " FROM servers m WHERE m.uuid = :marker)";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                term.append("s.").append(sort.get(j).key()).append(" = ").append(markerValue(sort.get(j)))
                        .append(" AND ");
            }
            ServerQuery.SortKey key = sort.get(i);
            term.append("s.").append(key.key()).append(key.descending() ? " < " : " > ").append(markerValue(key))
                    .append(")");
            alternatives.add(term.toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String markerValue(ServerQuery.SortKey key) {
        return "(SELECT m." + key.key() + " FROM servers m WHERE m.uuid = :marker)";
    }
}

package io.windlass.server.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.persistence.ServerQuery.Condition;
import io.windlass.server.persistence.ServerQuery.SortKey;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerLookup;
import io.windlass.server.service.ServerStatusMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GET /servers[/detail]} query parameters (API-NOTES 3.7) → a {@link ServerQuery}:
 * the non-admin filter whitelist (other filters silently dropped for them), admin-only
 * all_tenants/deleted, Nova's sort keys, limit/marker, unknown parameters ignored before
 * 2.75 and refused from 2.75.
 */
@ApplicationScoped
public class ServerListRequestParser {
    private static final ApiVersion STRICT_QUERY = ApiVersion.of(2, 75);
    private static final ApiVersion MORE_FILTERS = ApiVersion.of(2, 83);
    private static final ApiVersion LOCKED_FILTER = ApiVersion.of(2, 73);
    private static final ApiVersion STATUS_STRICT = ApiVersion.of(2, 38);

    /** Nova sort key → column. */
    private static final Map<String, String> SORT_KEYS = Map.ofEntries(
            Map.entry("access_ip_v4", "access_ip_v4"), Map.entry("access_ip_v6", "access_ip_v6"),
            Map.entry("auto_disk_config", "disk_config"), Map.entry("availability_zone", "availability_zone"),
            Map.entry("config_drive", "config_drive"), Map.entry("created_at", "created_at"),
            Map.entry("display_description", "description"), Map.entry("display_name", "name"),
            Map.entry("host", "host"), Map.entry("hostname", "hostname"), Map.entry("image_ref", "image_ref"),
            Map.entry("instance_type_id", "flavor_id"), Map.entry("kernel_id", "id"),
            Map.entry("key_name", "key_name"), Map.entry("launch_index", "launch_index"),
            Map.entry("launched_at", "launched_at"), Map.entry("locked_by", "locked"), Map.entry("node", "host"),
            Map.entry("power_state", "power_state"), Map.entry("progress", "progress"),
            Map.entry("project_id", "project_id"), Map.entry("ramdisk_id", "id"),
            Map.entry("root_device_name", "id"), Map.entry("task_state", "task_state"),
            Map.entry("terminated_at", "terminated_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("user_id", "user_id"), Map.entry("uuid", "uuid"), Map.entry("vm_state", "vm_state"));
    /** Keys Nova ignores below 2.75 and rejects from then on. */
    private static final Set<String> IGNORED_SORT_KEYS = Set.of("architecture", "cell_name", "cleaned", "default_ephemeral_device",
            "default_swap_device", "deleted", "deleted_at", "disable_terminate", "ephemeral_gb", "ephemeral_key_uuid",
            "id", "key_data", "launched_on", "locked", "memory_mb", "os_type", "reservation_id", "root_gb",
            "shutdown_terminate", "user_data", "vcpus", "vm_mode");
    private static final Set<String> PAGING = Set.of("limit", "marker", "sort_key", "sort_dir");
    private static final Set<String> USER_FILTERS = Set.of("changes-since", "changes-before", "flavor", "image", "ip",
            "ip6", "name", "reservation_id", "status", "tags", "tags-any", "not-tags", "not-tags-any", "locked",
            "availability_zone", "config_drive", "key_name", "created_at", "launched_at", "terminated_at",
            "power_state", "task_state", "vm_state", "progress", "user_id", "hostname", "all_tenants");
    private static final Set<String> ADMIN_FILTERS = Set.of("deleted", "host", "node", "project_id", "tenant_id",
            "uuid");
    private static final Set<String> JOINED = Set.of("metadata", "system_metadata", "info_cache", "security_groups",
            "pci_devices");

    private final ServerRepository repository;
    private final ServerPolicy policy;

    public ServerListRequestParser(ServerRepository repository, ServerPolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    public ServerQuery parse(MultivaluedMap<String, String> params, RequestContext caller, ApiVersion version,
                             boolean detail, int maxLimit) {
        for (String name : params.keySet()) {
            if (name.startsWith("_") || JOINED.contains(name)) {
                throw InvalidInputException.query(name, params.getFirst(name), "Additional properties are not allowed");
            }
            if (version.isAtLeast(STRICT_QUERY) && !PAGING.contains(name) && !USER_FILTERS.contains(name)
                    && !ADMIN_FILTERS.contains(name)) {
                throw InvalidInputException.query(name, params.getFirst(name),
                        "Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
        boolean allFilters = policy.allows(ServerPolicy.ALLOW_ALL_FILTERS, caller, caller.projectId());
        String project = caller.projectId();
        if (params.containsKey("all_tenants") && allTenants(params.getFirst("all_tenants"))) {
            policy.authorize(detail ? ServerPolicy.DETAIL_ALL_TENANTS : ServerPolicy.INDEX_ALL_TENANTS, caller,
                    caller.projectId());
            project = null;
            String wanted = first(params, "project_id", "tenant_id");
            if (wanted != null) {
                project = wanted;
            }
        }
        List<Condition> conditions = new ArrayList<>();
        boolean includeDeleted = false;
        boolean onlyDeleted = false;
        if (params.containsKey("deleted")) {
            if (!allFilters) {
                throw new PolicyNotAuthorizedException(ServerPolicy.ALLOW_ALL_FILTERS);
            }
            onlyDeleted = OsloBoolean.parse(params.getFirst("deleted")).orElse(false);
        }
        String since = params.getFirst("changes-since");
        String before = params.getFirst("changes-before");
        if (since != null) {
            conditions.add(new Condition("s.updated_at >= :since", "since", timestamp("changes-since", since)));
            includeDeleted = true;
        }
        if (before != null) {
            conditions.add(new Condition("coalesce(s.updated_at, s.created_at) <= :before", "before",
                    timestamp("changes-before", before)));
            includeDeleted = true;
        }
        if (since != null && before != null
                && timestamp("changes-before", before).isBefore(timestamp("changes-since", since))) {
            throw InvalidInputException.query("changes-before", before,
                    "The value of changes-before must be later than or equal to changes-since.");
        }
        equal(params, "image", "s.image_ref", conditions, true);
        equal(params, "flavor", "s.flavor_id", conditions, true);
        equal(params, "reservation_id", "s.reservation_id", conditions, false);
        String name = params.getFirst("name");
        if (name != null) {
            try {
                Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                throw InvalidInputException.query("name", name, "not a valid regular expression");
            }
            conditions.add(new Condition("s.name ~ :name", "name", name));
        }
        for (String ipParam : List.of("ip", "ip6")) {
            String ip = params.getFirst(ipParam);
            if (ip != null) {
                conditions.add(new Condition("exists (select 1 from jsonb_each(s.addresses) n, "
                        + "jsonb_array_elements(n.value) a where a->>'addr' ~ :" + ipParam
                        + " and (a->>'version') = '" + (ipParam.equals("ip") ? "4" : "6") + "')", ipParam, ip));
            }
        }
        List<String> statuses = params.get("status");
        if (statuses != null) {
            conditions.add(statusCondition(statuses, version));
        }
        if (version.isAtLeast(LOCKED_FILTER) && params.containsKey("locked")) {
            boolean locked = OsloBoolean.parse(params.getFirst("locked")).orElseThrow(() ->
                    InvalidInputException.query("locked", params.getFirst("locked"), "is not a boolean"));
            conditions.add(new Condition("s.locked = :locked", "locked", locked));
        }
        if (version.isAtLeast(MORE_FILTERS) || allFilters) {
            equal(params, "availability_zone", "s.availability_zone", conditions, false);
            equal(params, "key_name", "s.key_name", conditions, false);
            equal(params, "vm_state", "s.vm_state", conditions, false);
            equal(params, "task_state", "s.task_state", conditions, false);
            equal(params, "user_id", "s.user_id", conditions, false);
            equal(params, "hostname", "s.hostname", conditions, false);
            if (params.containsKey("power_state")) {
                conditions.add(new Condition("s.power_state = :power", "power",
                        integer("power_state", params.getFirst("power_state"))));
            }
        }
        if (allFilters) {
            equal(params, "host", "s.host", conditions, false);
            equal(params, "node", "s.host", conditions, false);
            String uuid = params.getFirst("uuid");
            if (uuid != null) {
                conditions.add(new Condition("s.uuid = :uuid", "uuid", uuidOrNothing(uuid)));
            }
        }
        List<SortKey> sort = sort(params, version, allFilters);
        int limit = limit(params.getFirst("limit"), maxLimit);
        Long marker = null;
        String markerText = params.getFirst("marker");
        if (markerText != null) {
            marker = marker(markerText);
        }
        return new ServerQuery(project, includeDeleted || onlyDeleted, onlyDeleted, conditions, sort, marker, limit);
    }

    private Long marker(String marker) {
        UUID uuid;
        try {
            uuid = UUID.fromString(marker);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("MarkerNotFound", "marker [" + marker + "] not found");
        }
        Optional<ServerEntity> row = repository.findAny(uuid);
        return row.map(s -> s.id).orElseThrow(() ->
                new InvalidInputException("MarkerNotFound", "marker [" + marker + "] not found"));
    }

    private static Condition statusCondition(List<String> statuses, ApiVersion version) {
        List<String> alternatives = new ArrayList<>();
        for (String status : statuses) {
            for (String one : status.split(",")) {
                Optional<List<ServerStatusMapping.StatePair>> pairs = ServerStatusMapping.reverse(one.strip());
                if (pairs.isEmpty()) {
                    if (version.isAtLeast(STATUS_STRICT)) {
                        throw InvalidInputException.query("status", one, "Invalid status value");
                    }
                    continue;
                }
                for (ServerStatusMapping.StatePair pair : pairs.get()) {
                    // the values come from Nova's own table, never from the request, so inlining is safe
                    if (pair.taskState() != null) {
                        alternatives.add("(s.vm_state = '" + pair.vmState() + "' and s.task_state = '"
                                + pair.taskState() + "')");
                    } else {
                        List<String> overriding = ServerStatusMapping.overridingTaskStates(pair.vmState());
                        String notOverridden = overriding.isEmpty() ? ""
                                : " and (s.task_state is null or s.task_state not in ('"
                                + String.join("', '", overriding) + "'))";
                        alternatives.add("(s.vm_state = '" + pair.vmState() + "'" + notOverridden + ")");
                    }
                }
            }
        }
        // before 2.38 an unknown status simply matches nothing
        String sql = alternatives.isEmpty() ? "false" : "(" + String.join(" or ", alternatives) + ")";
        return new Condition(sql, null, null);
    }

    private List<SortKey> sort(MultivaluedMap<String, String> params, ApiVersion version, boolean admin) {
        List<String> keys = params.getOrDefault("sort_key", List.of());
        List<String> dirs = params.getOrDefault("sort_dir", List.of());
        List<SortKey> sort = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String dir = i < dirs.size() ? dirs.get(i) : (dirs.isEmpty() ? "desc" : dirs.getLast());
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw InvalidInputException.query("sort_dir", dir, "'" + dir + "' is not one of ['asc', 'desc']");
            }
            if (key.equals("locked") && version.isAtLeast(LOCKED_FILTER)) {
                sort.add(new SortKey("locked", dir.equals("desc")));
                continue;
            }
            String column = SORT_KEYS.get(key);
            if (column == null) {
                if (IGNORED_SORT_KEYS.contains(key) && !version.isAtLeast(STRICT_QUERY)) {
                    continue;
                }
                throw InvalidInputException.query("sort_key", key, "'" + key + "' is not a valid sort key");
            }
            if ((key.equals("host") || key.equals("node")) && !admin) {
                throw new PolicyNotAuthorizedException(ServerPolicy.ALLOW_ALL_FILTERS);
            }
            sort.add(new SortKey(column, dir.equals("desc")));
        }
        if (sort.isEmpty()) {
            sort.add(new SortKey("created_at", true));
        }
        // a unique last key makes pages stable when sort values tie
        boolean lastDescending = sort.getLast().descending();
        sort.add(new SortKey("id", lastDescending));
        return sort;
    }

    private static void equal(MultivaluedMap<String, String> params, String name, String column,
                              List<Condition> conditions, boolean lastSegment) {
        String value = params.getFirst(name);
        if (value == null) {
            return;
        }
        if (lastSegment && value.contains("/")) {
            value = value.substring(value.lastIndexOf('/') + 1);
        }
        String parameter = name.replace("-", "_");
        conditions.add(new Condition(column + " = :" + parameter, parameter, value));
    }

    private static int limit(String text, int maxLimit) {
        if (text == null) {
            return maxLimit;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 0) {
                throw InvalidInputException.query("limit", text, "'" + text + "' is not a non-negative integer");
            }
            return Math.min(limit, maxLimit);
        } catch (NumberFormatException e) {
            throw InvalidInputException.query("limit", text, "'" + text + "' is not a non-negative integer");
        }
    }

    private static OffsetDateTime timestamp(String name, String text) {
        try {
            return OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z");
        } catch (DateTimeParseException e) {
            throw InvalidInputException.query(name, text, "'" + text + "' is not a 'date-time'");
        }
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.query(name, text, "'" + text + "' is not an integer");
        }
    }

    private static UUID uuidOrNothing(String text) {
        try {
            return ServerLookup.parse(text);
        } catch (RuntimeException e) {
            return new UUID(0, 0);
        }
    }

    private static boolean allTenants(String value) {
        // any value, or none at all, turns it on, except an explicit false
        return value == null || value.isEmpty() || OsloBoolean.parse(value).orElse(true);
    }

    private static String first(MultivaluedMap<String, String> params, String... names) {
        for (String n : names) {
            if (params.getFirst(n) != null) {
                return params.getFirst(n);
            }
        }
        return null;
    }
}

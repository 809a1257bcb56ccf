package io.windlass.server.api;

import io.windlass.server.persistence.ServerQuery;

import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /servers[/detail]} before policy: the listing it asks for, and what of
 * it needs which rule.
 *
 * @param query          every filter the request names, for the caller's own project
 * @param allTenants     all_tenants asked for (needs {@code get_all_tenants})
 * @param project        project_id/tenant_id given with all_tenants, or null
 * @param deletedFilter  deleted given (needs {@code allow_all_filters})
 * @param sortsByHost    sorted by host or node (needs {@code allow_all_filters})
 */
public record ServerListRequest(ServerQuery query, boolean allTenants, String project, boolean deletedFilter,
                                boolean sortsByHost) {
    /** Filters a caller without {@code allow_all_filters} may use only from 2.83 on. */
    private static final Set<String> MORE_FILTERS = Set.of("availability_zone", "key_name", "vm_state", "task_state",
            "user_id", "hostname", "power_state");
    /** Filters only for callers with {@code allow_all_filters}. */
    private static final Set<String> ADMIN_FILTERS = Set.of("host", "node", "uuid");
    private static final Set<String> JOINED = Set.of("metadata", "system_metadata", "info_cache", "security_groups",
            "pci_devices", "block_device_mapping", "services");

    /** Internal attributes and joined tables, which Nova refuses at any version. */
    static boolean internal(String parameter) {
        return parameter.startsWith("_") || JOINED.contains(parameter);
    }

    /** The listing without the filters the caller may not use: silently dropped, as Nova drops them. */
    public ServerQuery filtersFor(boolean allFilters, boolean moreFilters) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>(query.equal());
        kept.keySet().removeIf(name -> ADMIN_FILTERS.contains(name) && !allFilters
                || MORE_FILTERS.contains(name) && !allFilters && !moreFilters);
        return query.withFilters(kept);
    }
}

package io.windlass.server.api;

import io.windlass.server.persistence.ServerQuery;

/**
 * A validated {@code GET /servers[/detail]} before policy: the listing it asks for, and what of
 * it needs which rule ({@code ServersResource} applies them).
 *
 * @param query         every filter the request names, for the caller's own project
 * @param allTenants    all_tenants asked for
 * @param project       project_id/tenant_id given with all_tenants, or null
 * @param deletedFilter deleted given
 * @param sortsByHost   sorted by host or node
 */
public record ServerListRequest(ServerQuery query, boolean allTenants, String project, boolean deletedFilter,
                                boolean sortsByHost) {
}

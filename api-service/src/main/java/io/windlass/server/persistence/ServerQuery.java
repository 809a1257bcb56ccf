package io.windlass.server.persistence;

import io.windlass.server.service.ServerStatusMapping.StatePair;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A validated server listing in Nova's terms; {@link ServerRepository} turns it into SQL.
 *
 * @param projectId     only this project's servers, or null for every project (admin's all_tenants)
 * @param onlyDeleted   only soft-deleted rows (deleted=true)
 * @param changesSince  rows changed since, deleted ones included; or null
 * @param changesBefore rows changed before, deleted ones included; or null
 * @param equal         Nova filter name ({@code image}, {@code host}, {@code locked} ...) to the value it must equal
 * @param matching      {@code name}, {@code ip} or {@code ip6} to the regular expression it must match
 * @param states        the status filter as (vm_state, task_state) pairs, or null for none; empty matches nothing
 * @param tags          {@code tags}, {@code tags-any}, {@code not-tags}, {@code not-tags-any} (2.26) to their tags
 * @param sort          Nova sort keys with directions
 * @param marker        uuid of the previous page's last server, or null for the first page
 * @param limit         page size
 */
public record ServerQuery(String projectId, boolean onlyDeleted, OffsetDateTime changesSince,
                          OffsetDateTime changesBefore, Map<String, Object> equal, Map<String, String> matching,
                          List<StatePair> states, Map<String, List<String>> tags, List<SortKey> sort, UUID marker,
                          int limit) {

    /** Rows deleted since, or in the window, are part of the answer too. */
    public boolean includeDeleted() {
        return onlyDeleted || changesSince != null || changesBefore != null;
    }

    /** The same listing restricted to {@code projectId} (null: every project). */
    public ServerQuery forProject(String projectId) {
        return new ServerQuery(projectId, onlyDeleted, changesSince, changesBefore, equal, matching, states, tags,
                sort, marker, limit);
    }

    /** The same listing with only the given filters. */
    public ServerQuery withFilters(Map<String, Object> equal) {
        return new ServerQuery(projectId, onlyDeleted, changesSince, changesBefore, equal, matching, states, tags,
                sort, marker, limit);
    }

    /**
     * One sort key.
     *
     * @param key        Nova sort key ({@code display_name})
     * @param descending descending order
     */
    public record SortKey(String key, boolean descending) {
    }
}

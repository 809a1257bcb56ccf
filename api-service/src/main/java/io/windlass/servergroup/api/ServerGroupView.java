package io.windlass.servergroup.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.servergroup.persistence.ServerGroupRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's server group view ({@code ServerGroupController._format_server_group}): before 2.64 the
 * policy as a list of one and an always-empty {@code metadata}, from 2.64 {@code policy} and
 * {@code rules}; the members that are not deleted; the owner from 2.13.
 */
final class ServerGroupView {
    private ServerGroupView() {
    }

    static Map<String, Object> of(ServerGroupRecord g, ApiVersion version) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.uuid().toString());
        v.put("name", g.name());
        if (version.isAtLeast(ComputeApiVersions.SERVER_GROUP_POLICY)) {
            v.put("policy", g.policy());
            v.put("rules", g.maxServerPerHost() == null ? Map.of()
                    : Map.of("max_server_per_host", g.maxServerPerHost()));
        } else {
            v.put("policies", List.of(g.policy()));
            v.put("metadata", Map.of());
        }
        v.put("members", g.members());
        if (version.isAtLeast(ComputeApiVersions.SERVER_GROUP_OWNER)) {
            v.put("project_id", g.projectId());
            v.put("user_id", g.userId());
        }
        return v;
    }
}

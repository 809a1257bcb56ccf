package io.windlass.identity.api;

import io.windlass.identity.persistence.DomainEntity;
import io.windlass.identity.persistence.ProjectEntity;
import io.windlass.identity.persistence.RoleEntity;
import io.windlass.identity.persistence.UserEntity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keystone's JSON shapes for projects, users, roles and domains, with their links. */
final class IdentityViews {

    private IdentityViews() {
    }

    static Map<String, Object> project(ProjectEntity p, String base) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id);
        v.put("name", p.name);
        v.put("domain_id", p.domainId);
        v.put("description", p.description);
        v.put("enabled", p.enabled);
        v.put("is_domain", false);
        v.put("parent_id", p.domainId);
        v.put("tags", List.of());
        v.put("options", Map.of());
        v.put("links", Map.of("self", base + "/v3/projects/" + p.id));
        return v;
    }

    static Map<String, Object> user(UserEntity u, String base) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", u.id);
        v.put("name", u.name);
        v.put("domain_id", u.domainId);
        v.put("enabled", u.enabled);
        v.put("default_project_id", u.defaultProjectId);
        v.put("password_expires_at", null);
        v.put("options", Map.of());
        // extra attributes after the named ones, which they never replace
        u.extra.forEach(v::putIfAbsent);
        v.put("links", Map.of("self", base + "/v3/users/" + u.id));
        if (u.defaultProjectId == null) {
            v.remove("default_project_id");
        }
        return v;
    }

    static Map<String, Object> role(RoleEntity r, String base) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id);
        v.put("name", r.name);
        v.put("domain_id", null);
        v.put("description", null);
        v.put("options", Map.of());
        v.put("links", Map.of("self", base + "/v3/roles/" + r.id));
        return v;
    }

    static Map<String, Object> domain(DomainEntity d, String base) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id);
        v.put("name", d.name);
        v.put("description", d.description);
        v.put("enabled", d.enabled);
        v.put("tags", List.of());
        v.put("options", Map.of());
        v.put("links", Map.of("self", base + "/v3/domains/" + d.id));
        return v;
    }

    /** A collection with Keystone's {@code links} block. */
    static Map<String, Object> list(String key, List<Map<String, Object>> items, String selfUrl) {
        Map<String, Object> links = new HashMap<>();
        links.put("self", selfUrl);
        links.put("next", null);
        links.put("previous", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        body.put("links", links);
        return body;
    }
}

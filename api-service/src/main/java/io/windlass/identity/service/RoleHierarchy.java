package io.windlass.identity.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keystone's default implied roles: admin implies member, member implies reader. A token
 * lists the roles a user holds directly plus every role they imply.
 */
public final class RoleHierarchy {
    private static final Map<String, String> IMPLIES = Map.of("admin", "member", "member", "reader");

    private RoleHierarchy() {
    }

    /** The roles with their implied roles, direct ones first, without duplicates. */
    public static List<String> expand(Collection<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        for (String role : roles) {
            for (String implied = IMPLIES.get(role); implied != null; implied = IMPLIES.get(implied)) {
                all.add(implied);
            }
        }
        return new ArrayList<>(all);
    }
}

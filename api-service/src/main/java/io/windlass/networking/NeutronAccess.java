package io.windlass.networking;

import io.windlass.context.RequestContext;

/**
 * Neutron's default policy (neutron/conf/policies, secure RBAC) as pure decisions: an admin may
 * do anything anywhere; a project's readers may read its resources, its members change them; a
 * shared network is readable by everyone; what a caller may not see is answered as not found,
 * so that other projects' ids do not leak.
 */
public final class NeutronAccess {

    /** What the API answers. */
    public enum Outcome { ALLOW, NOT_FOUND, FORBIDDEN }

    private NeutronAccess() {
    }

    public static Outcome read(RequestContext caller, String owner, boolean shared) {
        return caller.isAdmin() || shared || owns(caller, owner) ? Outcome.ALLOW : Outcome.NOT_FOUND;
    }

    /** A change to a resource that exists: 404 when the caller cannot even see it, 403 for a reader. */
    public static Outcome write(RequestContext caller, String owner, boolean shared) {
        if (caller.isAdmin()) {
            return Outcome.ALLOW;
        }
        if (!owns(caller, owner)) {
            return shared ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
        }
        return isMember(caller) ? Outcome.ALLOW : Outcome.FORBIDDEN;
    }

    /** A create in {@code targetProject}: only an admin creates for another project; a reader creates nothing. */
    public static Outcome create(RequestContext caller, String targetProject) {
        if (caller.isAdmin()) {
            return Outcome.ALLOW;
        }
        return owns(caller, targetProject) && isMember(caller) ? Outcome.ALLOW : Outcome.FORBIDDEN;
    }

    private static boolean owns(RequestContext caller, String owner) {
        return owner != null && owner.equals(caller.projectId());
    }

    private static boolean isMember(RequestContext caller) {
        return caller.roles().contains("member");
    }
}

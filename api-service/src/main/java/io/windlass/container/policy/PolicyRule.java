package io.windlass.container.policy;

import io.windlass.context.RequestContext;

/** The base rules of Zun's policy file ({@code zun/common/policies/base.py}). */
public enum PolicyRule {
    /** {@code is_admin:True or project_id:%(project_id)s}. */
    ADMIN_OR_OWNER {
        @Override
        boolean allows(RequestContext caller, String targetProjectId) {
            return caller.isAdmin() || (targetProjectId != null && targetProjectId.equals(caller.projectId()));
        }
    },
    /** {@code role:admin}. */
    ADMIN_API {
        @Override
        boolean allows(RequestContext caller, String targetProjectId) {
            return caller.isAdmin();
        }
    },
    /** {@code !}: nobody, not even admins. */
    DENY_EVERYBODY {
        @Override
        boolean allows(RequestContext caller, String targetProjectId) {
            return false;
        }
    };

    abstract boolean allows(RequestContext caller, String targetProjectId);
}

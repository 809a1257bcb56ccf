package io.windlass.server.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import io.windlass.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The servers API's view of the {@link PolicyEngine}: Nova's rule names
 * ({@code nova/policies/servers.py}, {@code pause_server.py}, {@code extended_server_attributes.py}).
 * The rules themselves are data ({@code DefaultPolicies}, overridable from the policy file).
 */
@ApplicationScoped
public class ServerPolicy {
    public static final String INDEX = "os_compute_api:servers:index";
    public static final String DETAIL = "os_compute_api:servers:detail";
    public static final String INDEX_ALL_TENANTS = "os_compute_api:servers:index:get_all_tenants";
    public static final String DETAIL_ALL_TENANTS = "os_compute_api:servers:detail:get_all_tenants";
    public static final String ALLOW_ALL_FILTERS = "os_compute_api:servers:allow_all_filters";
    public static final String SHOW = "os_compute_api:servers:show";
    public static final String SHOW_FLAVOR_EXTRA_SPECS = "os_compute_api:servers:show:flavor-extra-specs";
    public static final String SHOW_HOST_STATUS = "os_compute_api:servers:show:host_status";
    public static final String CREATE = "os_compute_api:servers:create";
    public static final String CREATE_FORCED_HOST = "os_compute_api:servers:create:forced_host";
    public static final String CREATE_REQUESTED_DESTINATION = "compute:servers:create:requested_destination";
    public static final String UPDATE = "os_compute_api:servers:update";
    public static final String DELETE = "os_compute_api:servers:delete";
    public static final String START = "os_compute_api:servers:start";
    public static final String STOP = "os_compute_api:servers:stop";
    public static final String REBOOT = "os_compute_api:servers:reboot";
    public static final String PAUSE = "os_compute_api:os-pause-server:pause";
    public static final String UNPAUSE = "os_compute_api:os-pause-server:unpause";
    public static final String EXTENDED_ATTRIBUTES = "os_compute_api:os-extended-server-attributes";

    private final PolicyEngine engine;

    public ServerPolicy(PolicyEngine engine) {
        this.engine = engine;
    }

    /** @throws PolicyNotAuthorizedException when the rule denies the caller on a server of {@code targetProjectId} */
    public void authorize(String rule, RequestContext caller, String targetProjectId) {
        if (!allows(rule, caller, targetProjectId)) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }

    public boolean allows(String rule, RequestContext caller, String targetProjectId) {
        return engine.allows(rule, caller, targetProjectId);
    }
}

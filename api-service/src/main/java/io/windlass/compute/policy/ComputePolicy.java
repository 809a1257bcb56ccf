package io.windlass.compute.policy;

import io.windlass.api.error.PolicyNotAuthorizedException;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.function.Predicate;

import static java.util.Map.entry;

/**
 * Nova's default policy rules for the compute resources this service serves, by upstream rule
 * name, so that identity work can swap the rule table without touching the resources.
 */
@ApplicationScoped
public class ComputePolicy {
    public static final String AGGREGATES_INDEX = "os_compute_api:os-aggregates:index";
    public static final String AGGREGATES_CREATE = "os_compute_api:os-aggregates:create";
    public static final String AGGREGATES_SHOW = "os_compute_api:os-aggregates:show";
    public static final String AGGREGATES_UPDATE = "os_compute_api:os-aggregates:update";
    public static final String AGGREGATES_DELETE = "os_compute_api:os-aggregates:delete";
    public static final String AGGREGATES_ADD_HOST = "os_compute_api:os-aggregates:add_host";
    public static final String AGGREGATES_REMOVE_HOST = "os_compute_api:os-aggregates:remove_host";
    public static final String AGGREGATES_SET_METADATA = "os_compute_api:os-aggregates:set_metadata";
    public static final String AGGREGATES_IMAGES = "compute:aggregates:images";
    public static final String SERVICES_LIST = "os_compute_api:os-services:list";
    public static final String SERVICES_UPDATE = "os_compute_api:os-services:update";
    public static final String AZ_LIST = "os_compute_api:os-availability-zone:list";
    public static final String AZ_DETAIL = "os_compute_api:os-availability-zone:detail";

    private static final Predicate<RequestContext> ADMIN = RequestContext::isAdmin;
    private static final Predicate<RequestContext> ANYONE = caller -> true;

    private static final Map<String, Predicate<RequestContext>> RULES = Map.ofEntries(
            entry(AGGREGATES_INDEX, ADMIN),
            entry(AGGREGATES_CREATE, ADMIN),
            entry(AGGREGATES_SHOW, ADMIN),
            entry(AGGREGATES_UPDATE, ADMIN),
            entry(AGGREGATES_DELETE, ADMIN),
            entry(AGGREGATES_ADD_HOST, ADMIN),
            entry(AGGREGATES_REMOVE_HOST, ADMIN),
            entry(AGGREGATES_SET_METADATA, ADMIN),
            entry(AGGREGATES_IMAGES, ADMIN),
            entry(SERVICES_LIST, ADMIN),
            entry(SERVICES_UPDATE, ADMIN),
            entry(AZ_LIST, ANYONE),
            entry(AZ_DETAIL, ADMIN));

    /** @throws PolicyNotAuthorizedException when the rule denies the caller */
    public void authorize(String rule, RequestContext caller) {
        Predicate<RequestContext> check = RULES.get(rule);
        if (check == null) {
            // a rule nobody wrote down is a programming error: fail closed
            throw new IllegalArgumentException("no policy rule for " + rule);
        }
        if (!check.test(caller)) {
            throw new PolicyNotAuthorizedException(rule);
        }
    }
}

package io.windlass.container.service;

import io.windlass.container.ContainerAction;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The container a call into it is for (Zun's execute, top, archives), in Zun's order of checks:
 * the container (404), then the rule on it (403), then its state (409); and here also its host, the
 * one that is called (409 when it was never placed).
 */
@ApplicationScoped
public class PlacedContainers {
    private final ContainerLookup lookup;
    private final ContainerPolicy policy;

    public PlacedContainers(ContainerLookup lookup, ContainerPolicy policy) {
        this.lookup = lookup;
        this.policy = policy;
    }

    ContainerEntity authorized(RequestContext caller, String ident, String rule, ContainerAction action) {
        ContainerEntity c = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(rule, caller, c.projectId);
        ContainerService.requireAllowed(c, action);
        ContainerService.requireHost(c, action);
        return c;
    }
}

package io.windlass.container.service;

import io.windlass.action.ActionLog;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.capsule.service.CapsuleMembers;
import io.windlass.container.ContainerAction;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The container a call into it is for (Zun's execute, logs, top, archives, consoles), in Zun's
 * order of checks: the container (404), then the rule on it (403), then its state (409); and here
 * also its host, the one that is called (409 when it was never placed).
 *
 * <p>A capsule's member, named by its uuid, is such a container too for what happens inside its
 * engine container ({@link #MEMBER_ACTIONS}), under the container rules and the member's own state:
 * the agent names a member's engine container as it names a container's. What would change the
 * member or make something of it (attach, commit, the actions on its state) stays the capsule's.
 */
@ApplicationScoped
public class PlacedContainers {
    static final Set<ContainerAction> MEMBER_ACTIONS = EnumSet.of(ContainerAction.LOGS, ContainerAction.EXECUTE,
            ContainerAction.EXECUTE_RESIZE, ContainerAction.TOP, ContainerAction.GET_ARCHIVE,
            ContainerAction.PUT_ARCHIVE);

    private final ContainerLookup lookup;
    private final CapsuleMembers members;
    private final ContainerPolicy policy;

    public PlacedContainers(ContainerLookup lookup, CapsuleMembers members, ContainerPolicy policy) {
        this.lookup = lookup;
        this.members = members;
        this.policy = policy;
    }

    PlacedContainer authorized(RequestContext caller, String ident, String rule, ContainerAction action) {
        ContainerEntity c;
        try {
            c = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        } catch (ResourceNotFoundException notFound) {
            if (!MEMBER_ACTIONS.contains(action)) {
                throw notFound;
            }
            return members.visible(caller, ident).map(m -> member(caller, m, rule, action)).orElseThrow(() -> notFound);
        }
        policy.authorize(rule, caller, c.projectId);
        ContainerService.requireAllowed(c, action);
        ContainerService.requireHost(c, action);
        return new PlacedContainer(c.uuid, c.projectId, c.host, c.interactive, ActionLog.CONTAINER, c.uuid);
    }

    private PlacedContainer member(RequestContext caller, CapsuleMembers.Member m, String rule, ContainerAction action) {
        UUID uuid = UUID.fromString(m.spec().uuid());
        policy.authorize(rule, caller, m.capsule().projectId);
        ContainerService.requireAllowed(m.status(), uuid, action);
        ContainerService.requireHost(m.status(), uuid, m.capsule().host, action);
        return new PlacedContainer(uuid, m.capsule().projectId, m.capsule().host, false, ActionLog.CAPSULE,
                m.capsule().uuid);
    }
}

package io.windlass.container.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerRepository;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.network.WorkloadPort;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRepository;
import io.windlass.securitygroup.service.RuleRequest;
import io.windlass.securitygroup.service.SecurityGroupService;
import io.windlass.networking.NeutronException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A container's security groups, as Zun keeps them: the create's {@code security_groups} (names or ids
 * of the project's groups) resolved to ids, which the row shows and the ports made for the container
 * carry; and Zun's {@code add_security_group} / {@code remove_security_group} (1.1–1.14), which put a
 * group on or take it off every port of the container. The ports' hosts enforce the groups' ingress
 * rules (docs/networking.md, "Security groups on the data plane"): a change is recorded with the
 * conductor's {@code refresh_port_filters} in the same transaction.
 */
@ApplicationScoped
public class ContainerSecurityGroups {
    private static final Logger LOG = Logger.getLogger(ContainerSecurityGroups.class);
    private static final String DEFAULT = "default";
    private static final String NO_PORT_SECURITY = "Port security must be enabled and port must have an IP "
            + "address in order to use security groups.";

    private final ContainerRepository repository;
    private final ContainerLookup lookup;
    private final ContainerPolicy policy;
    private final SecurityGroupRepository groups;
    private final PortRepository ports;
    private final ConductorRpcApi conductor;
    private final ActionLog actions;
    private final SecurityGroupService service;

    public ContainerSecurityGroups(ContainerRepository repository, ContainerLookup lookup, ContainerPolicy policy,
                                   SecurityGroupRepository groups, PortRepository ports, ConductorRpcApi conductor,
                                   ActionLog actions, SecurityGroupService service) {
        this.service = service;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.groups = groups;
        this.ports = ports;
        this.conductor = conductor;
        this.actions = actions;
    }

    /**
     * The ids of the groups a create names, each once, in the order named (Zun's {@code _check_security_group}).
     * The project's {@code default} group is made on first use, as Neutron does.
     *
     * @throws InvalidInputException Zun's 400 for a group the project does not have
     * @throws ConflictException     Zun's 409 for a name several of its groups have
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> resolve(String projectId, List<String> refs) {
        Set<String> ids = new LinkedHashSet<>();
        for (String ref : refs) {
            ids.add(one(projectId, ref).id());
        }
        return List.copyOf(ids);
    }

    /**
     * Zun's {@code exposed_ports}: a group {@code zun-<uuid>} of the container's project that lets each port in from
     * anywhere (Zun's {@code expose_ports}: ingress, the port as its range, {@code 0.0.0.0/0}), besides Neutron's
     * egress pair; the container's only group, so its ports get it instead of the default group.
     *
     * @param ports Docker's {@code "80/tcp"} keys
     * @return the group's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String expose(String projectId, UUID container, List<String> ports) {
        List<RuleRequest> rules = ports.stream().map(p -> p.split("/")).map(p -> new RuleRequest("ingress", "IPv4",
                p[1], Integer.valueOf(p[0]), Integer.valueOf(p[0]), "0.0.0.0/0", null)).toList();
        try {
            return service.createFor(projectId, exposedGroupName(container), rules).id();
        } catch (NeutronException e) {
            // a full security group or rule quota: the create cannot be done as asked
            throw new ConflictException("Conflict", "Could not create the security group for the exposed ports: "
                    + e.getMessage());
        }
    }

    /**
     * A container that exposed ports is gone: its group goes too, unless something else has come to use it
     * (another container given it by {@code add_security_group}), then it is left to its project.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseExposed(ContainerEntity c) {
        if (c.exposedPorts.isEmpty()) {
            return;
        }
        groups.findByNameOrId(c.projectId, exposedGroupName(c.uuid)).forEach(g -> {
            if (groups.lockUnused(g.id())) {
                groups.delete(g.id());
            } else {
                LOG.warnf("container %s: its group %s is used by other ports; kept", c.uuid, g.id());
            }
        });
    }

    /** Zun's name for it ({@code consts.NAME_PREFIX} and the container's uuid); the conductor deletes it by name too. */
    static String exposedGroupName(UUID container) {
        return "zun-" + container;
    }

    public void add(RequestContext caller, String ident, String ref) {
        change(caller, ident, ref, true);
    }

    public void remove(RequestContext caller, String ident, String ref) {
        change(caller, ident, ref, false);
    }

    private void change(RequestContext caller, String ident, String ref, boolean add) {
        ContainerEntity found = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        ContainerAction action = add ? ContainerAction.ADD_SECURITY_GROUP : ContainerAction.REMOVE_SECURITY_GROUP;
        policy.authorize(ContainerPolicy.actionRule(action.verb()), caller, found.projectId);
        List<String> touched = QuarkusTransaction.requiringNew().call(() -> {
            ContainerEntity c = repository.lockByUuid(found.uuid).orElseThrow(() -> lookup.notFound(ident));
            ContainerService.requireAllowed(c, action);
            String id = one(c.projectId, ref).id();
            if (add == c.securityGroups.contains(id)) {
                throw new InvalidInputException("InvalidValue", add
                        ? "Security group " + id + " has been added to container."
                        : "Security group " + id + " was not added to container.");
            }
            groups.lockAll(List.of(id));
            List<PortRecord> held = c.nics.stream().map(WorkloadPort::portId).map(ports::find)
                    .flatMap(Optional::stream).toList();
            for (PortRecord port : held) {
                if (add && !port.portSecurityEnabled()) {
                    throw new InvalidInputException("InvalidValue", NO_PORT_SECURITY);
                }
                groups.attach(port.id(), changed(port.securityGroups(), id, add));
            }
            c.securityGroups = changed(c.securityGroups, id, add);
            // done when this commits: no host reports on it
            actions.record(caller, ActionLog.CONTAINER, c.uuid, c.projectId, action.verb());
            actions.finished(c.uuid, caller.requestId(), false);
            List<String> portIds = held.stream().map(PortRecord::id).toList();
            if (!portIds.isEmpty()) {
                // recorded with the change (RpcOutbox): the hosts get their new filters once it commits
                conductor.refreshPortFilters(caller, new SecurityGroupsChanged(List.of(id), portIds));
            }
            return portIds;
        });
        LOG.infof("container %s: security group %s %s on ports %s", found.uuid, ref, add ? "added" : "removed", touched);
    }

    private SecurityGroupRecord one(String projectId, String ref) {
        if (ref.equals(DEFAULT)) {
            groups.ensureDefault(projectId);
        }
        List<SecurityGroupRecord> found = groups.findByNameOrId(projectId, ref);
        if (found.size() > 1) {
            throw new ConflictException("Conflict", "Multiple security group matches found for name " + ref
                    + ", use an ID to be more specific.");
        }
        return found.stream().findFirst().orElseThrow(() -> new InvalidInputException("InvalidValue",
                "Security group " + ref + " not found."));
    }

    /** A list of group ids with one more, or one fewer: order kept, no id twice. */
    private static List<String> changed(List<String> ids, String id, boolean add) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(ids));
        if (add && !out.contains(id)) {
            out.add(id);
        } else if (!add) {
            out.remove(id);
        }
        return List.copyOf(out);
    }
}

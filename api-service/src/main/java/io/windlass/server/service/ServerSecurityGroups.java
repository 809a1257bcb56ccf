package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.network.WorkloadPort;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRepository;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nova's {@code addSecurityGroup} and {@code removeSecurityGroup} server actions
 * ({@code security_groups.py}, the Neutron driver): a group of the server's project, by name or id,
 * put on or taken off every port of the server, then the hosts concerned get their filters again
 * (as after a port update through the Networking API). The server's {@code security_groups} shows
 * the names.
 */
@ApplicationScoped
public class ServerSecurityGroups {
    private static final Logger LOG = Logger.getLogger(ServerSecurityGroups.class);
    private static final String DEFAULT = "default";

    private final ServerRepository servers;
    private final ServerLookup lookup;
    private final SecurityGroupRepository groups;
    private final PortRepository ports;
    private final ConductorRpcApi conductor;

    public ServerSecurityGroups(ServerRepository servers, ServerLookup lookup, SecurityGroupRepository groups,
                                PortRepository ports, ConductorRpcApi conductor) {
        this.servers = servers;
        this.lookup = lookup;
        this.groups = groups;
        this.ports = ports;
        this.conductor = conductor;
    }

    public void add(RequestContext caller, String id, String group) {
        change(caller, id, group, true);
    }

    public void remove(RequestContext caller, String id, String group) {
        change(caller, id, group, false);
    }

    private void change(RequestContext caller, String id, String ref, boolean add) {
        ServerEntity found = lookup.authorized(caller, id, add ? ServerPolicy.SECURITY_GROUPS_ADD
                : ServerPolicy.SECURITY_GROUPS_REMOVE);
        List<String> portIds = QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = servers.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            if (ref.equals(DEFAULT)) {
                // Neutron makes a project's default group on first use; Nova counts on it being there
                groups.ensureDefault(s.projectId);
            }
            SecurityGroupRecord group = only(groups.findByNameOrId(s.projectId, ref), ref, s.projectId);
            List<PortRecord> held = s.nics.stream().map(WorkloadPort::portId).map(ports::find)
                    .flatMap(Optional::stream).toList();
            // a server on the engine's own network has no ports: a group is only a name on it, which
            // can be taken off (Nova's servers always have ports; Tempest removes every group listed)
            if (held.isEmpty() && (add || !s.securityGroups.contains(group.name()))) {
                throw InvalidInputException.badRequest("Network requires port_security_enabled and subnet associated "
                        + "in order to apply security groups.");
            }
            if (!add && held.stream().noneMatch(p -> p.securityGroups().contains(group.id()))
                    && !s.securityGroups.contains(group.name())) {
                throw InvalidInputException.badRequest("Security group " + ref + " not associated with the instance "
                        + s.uuid);
            }
            groups.lockAll(List.of(group.id()));
            for (PortRecord port : held) {
                if (add && !port.portSecurityEnabled()) {
                    throw InvalidInputException.badRequest("Network requires port_security_enabled and subnet "
                            + "associated in order to apply security groups.");
                }
                Set<String> ids = new LinkedHashSet<>(port.securityGroups());
                if (add) {
                    ids.add(group.id());
                } else {
                    ids.remove(group.id());
                }
                groups.attach(port.id(), List.copyOf(ids));
            }
            List<String> names = new ArrayList<>(s.securityGroups);
            if (add && !names.contains(group.name())) {
                names.add(group.name());
            } else if (!add) {
                names.remove(group.name());
            }
            s.securityGroups = names;
            List<String> touched = held.stream().map(PortRecord::id).toList();
            if (!touched.isEmpty()) {
                // recorded with the change (RpcOutbox): the hosts learn the new filters once it commits
                conductor.refreshPortFilters(caller, new SecurityGroupsChanged(List.of(group.id()), touched));
            }
            return touched;
        });
        LOG.infof("server %s: security group %s %s on ports %s", found.uuid, ref, add ? "added" : "removed", portIds);
    }

    private static SecurityGroupRecord only(List<SecurityGroupRecord> found, String ref, String project) {
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("SecurityGroupNotFoundForProject", "Security group " + ref
                    + " not found for project " + project + ".");
        }
        if (found.size() > 1) {
            throw new ConflictException("NoUniqueMatch", "Multiple security groups match '" + ref
                    + "'; use an id to be more specific.");
        }
        return found.getFirst();
    }
}

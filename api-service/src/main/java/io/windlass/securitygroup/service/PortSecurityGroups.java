package io.windlass.securitygroup.service;

import io.windlass.networking.NeutronException;
import io.windlass.securitygroup.persistence.SecurityGroupRecord;
import io.windlass.securitygroup.persistence.SecurityGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which security groups a port gets (ingress enforced by the port's host, egress stored only): the
 * ones asked for, each of the port's project, else the project's {@code default} group; none for
 * ports without port security and for network-owned ports (router interfaces, DHCP).
 */
@ApplicationScoped
public class PortSecurityGroups {
    private final SecurityGroupRepository groups;

    public PortSecurityGroups(SecurityGroupRepository groups) {
        this.groups = groups;
    }

    /** @param requested null when the request named none */
    public List<String> choose(String projectId, List<String> requested, boolean portSecurity, String deviceOwner) {
        if (requested == null) {
            return !portSecurity || deviceOwner.startsWith("network:") ? List.of()
                    : List.of(groups.ensureDefault(projectId));
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(requested));
        if (!ids.isEmpty() && !portSecurity) {
            throw NeutronException.badRequest("PortSecurityAndIPRequiredForSecurityGroups", "Port security must be "
                    + "enabled and port must have an IP address in order to use security groups.");
        }
        List<SecurityGroupRecord> found = groups.lockAll(ids);
        for (String id : ids) {
            if (found.stream().noneMatch(g -> g.id().equals(id) && g.projectId().equals(projectId))) {
                throw NeutronException.notFound("SecurityGroupNotFound", "Security group " + id + " does not exist");
            }
        }
        return ids;
    }

    public void attach(String portId, List<String> groupIds) {
        groups.attach(portId, groupIds);
    }
}

package io.windlass.network;

import java.util.List;

/**
 * {@code conductor.refresh_port_filters} (1.5), a cast: security groups, their rules or a port's
 * memberships changed through the Networking API; the hosts whose port filters that touches are
 * sent theirs again ({@code compute.update_port_filters}). A change missed here is mended by the
 * next reconcile round.
 *
 * @param groupIds the groups whose rules or members changed
 * @param portIds  the ports whose groups or port security changed
 */
public record SecurityGroupsChanged(List<String> groupIds, List<String> portIds) {
    public SecurityGroupsChanged {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        portIds = portIds == null ? List.of() : List.copyOf(portIds);
    }
}

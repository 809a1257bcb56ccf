package io.windlass.conductor.support;

/**
 * The Networking API's rows as the api-service writes them (its mapping is not the conductor's):
 * one network with one IPv4 subnet, and ports on it with one address each.
 */
public final class PortRows {
    private final ContainerRows rows;
    private final String network;
    private final String subnet;

    /** Clears the networking tables and makes the network and subnet. */
    public PortRows(ContainerRows rows, String network, String subnet, int vni, String cidr, String gateway) {
        this.rows = rows;
        this.network = network;
        this.subnet = subnet;
        rows.update("DELETE FROM ports");
        rows.update("DELETE FROM security_groups");
        rows.update("DELETE FROM subnets");
        rows.update("DELETE FROM networks");
        rows.update("INSERT INTO networks (id, project_id, name, mtu, segmentation_id) VALUES ('" + network
                + "', 'p1', 'backend', 1450, " + vni + ")");
        rows.update("INSERT INTO subnets (id, network_id, project_id, ip_version, cidr, gateway_ip) VALUES ('" + subnet
                + "', '" + network + "', 'p1', 4, '" + cidr + "', '" + gateway + "')");
    }

    /** A port of {@code device}, bound to {@code host} (ACTIVE) or to none (empty: DOWN). */
    public void port(String id, String mac, String address, String device, String host) {
        rows.update("INSERT INTO ports (id, network_id, project_id, mac_address, device_id, device_owner, "
                + "binding_host_id, status) VALUES ('" + id + "', '" + network + "', 'p1', '" + mac + "', '" + device
                + "', 'compute:kuryr', '" + host + "', '" + (host.isEmpty() ? "DOWN" : "ACTIVE") + "')");
        rows.update("INSERT INTO ip_allocations (subnet_id, address, port_id, network_id) VALUES ('" + subnet + "', '"
                + address + "', '" + id + "', '" + network + "')");
    }

    /** A project's default group as Neutron makes it: any ingress from its own members. */
    public void defaultGroup(String groupId) {
        rows.update("INSERT INTO security_groups (id, project_id, name, is_default) VALUES ('" + groupId
                + "', 'p1', 'default', true)");
        rows.update("INSERT INTO security_group_rules (id, security_group_id, project_id, direction, ethertype, "
                + "remote_group_id) VALUES (gen_random_uuid(), '" + groupId + "', 'p1', 'ingress', 'IPv4', '" + groupId
                + "')");
    }

    /** Puts the port in the group. */
    public void member(String portId, String groupId) {
        rows.update("INSERT INTO port_security_groups (port_id, security_group_id) VALUES ('" + portId + "', '"
                + groupId + "')");
    }

    /** The row's {@code nics}: each port on this network, preserved on delete or not. */
    public String nics(String portId, boolean preserveOnDelete) {
        return "[{\"portId\": \"" + portId + "\", \"networkId\": \"" + network + "\", \"preserveOnDelete\": "
                + preserveOnDelete + "}]";
    }
}

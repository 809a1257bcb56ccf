package io.windlass.port.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.windlass.api.validation.RequestFields;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.persistence.NetworkRepository;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NeutronCollectionService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.securitygroup.service.PortSecurityGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ports through the API: who may create, see and change them and which attributes (Neutron's
 * port policies: addresses and MACs on someone else's network, bindings admin-only), then
 * {@link PortWriter} does the work.
 */
@ApplicationScoped
public class PortService implements NeutronCollectionService<PortRecord> {
    private static final TypeReference<Map<String, Object>> PROFILE = new TypeReference<>() {
    };

    private final PortRepository ports;
    private final NetworkRepository networks;
    private final PortWriter writer;
    private final PortSecurityGroups securityGroups;
    private final NetworkingPolicy policy;
    private final ConductorRpcApi conductor;

    public PortService(PortRepository ports, NetworkRepository networks, PortWriter writer,
                       PortSecurityGroups securityGroups, NetworkingPolicy policy, ConductorRpcApi conductor) {
        this.conductor = conductor;
        this.ports = ports;
        this.networks = networks;
        this.writer = writer;
        this.securityGroups = securityGroups;
        this.policy = policy;
    }

    @Transactional
    @Override
    public PortRecord create(RequestFields given) {
        String networkId = given.text("network_id");
        NetworkRecord network = networks.find(networkId).orElseThrow(() -> NeutronException.networkNotFound(networkId));
        policy.read(network.projectId(), network.shared(), () -> NeutronException.networkNotFound(networkId));
        String project = given.has("project_id") ? given.text("project_id")
                : given.has("tenant_id") ? given.text("tenant_id") : policy.caller().projectId();
        policy.create("create_port", project);
        List<IpRequest> fixedIps = fixedIps(given);
        if (fixedIps != null && fixedIps.stream().anyMatch(ip -> ip.ipAddress() != null)) {
            networkOwnerOnly(network, "create_port:fixed_ips:ip_address");
        }
        String mac = null;
        if (given.has("mac_address")) {
            networkOwnerOnly(network, "create_port:mac_address");
            mac = mac(given.text("mac_address"));
        }
        adminOnlyBinding(given, "create_port");
        return writer.create(new NewPort(networkId, project, text(given, "name"), text(given, "description"),
                given.bool("admin_state_up", true), mac, fixedIps, text(given, "device_id"), text(given, "device_owner"),
                text(given, "binding:host_id"), given.has("binding:vnic_type") ? given.text("binding:vnic_type") : "normal",
                given.has("binding:profile") ? given.read("binding:profile", PROFILE) : Map.of(),
                given.bool("port_security_enabled", network.portSecurityEnabled()),
                given.node().has("security_groups") ? given.strings("security_groups") : null));
    }

    @Override
    public PortRecord show(String id) {
        PortRecord port = ports.find(id).orElseThrow(() -> NeutronException.portNotFound(id));
        policy.read(port.projectId(), false, () -> NeutronException.portNotFound(id));
        return port;
    }

    @Override
    public List<PortRecord> list(NeutronQuery query) {
        return ports.list(query, policy.isAdmin() ? null : policy.caller().projectId());
    }

    @Transactional
    @Override
    public PortRecord update(String id, RequestFields given) {
        PortRecord p = ports.lock(id).orElseThrow(() -> NeutronException.portNotFound(id));
        policy.write("update_port", p.projectId(), false, () -> NeutronException.portNotFound(id));
        NetworkRecord network = networks.find(p.networkId()).orElseThrow();
        List<IpRequest> fixedIps = fixedIps(given);
        if (fixedIps != null && fixedIps.stream().anyMatch(ip -> ip.ipAddress() != null)) {
            networkOwnerOnly(network, "update_port:fixed_ips:ip_address");
        }
        String mac = p.macAddress();
        if (given.has("mac_address")) {
            policy.adminOnly("update_port:mac_address");
            mac = mac(given.text("mac_address"));
        }
        adminOnlyBinding(given, "update_port");
        PortBindingState binding = given.node().has("binding:host_id") ? PortBindingState.of(text(given, "binding:host_id"))
                : new PortBindingState(p.bindingHostId(), p.bindingVifType(), p.status());
        boolean portSecurity = given.bool("port_security_enabled", p.portSecurityEnabled());
        List<String> groups = given.node().has("security_groups")
                ? securityGroups.choose(p.projectId(), given.strings("security_groups"), portSecurity, p.deviceOwner())
                : !portSecurity && !p.securityGroups().isEmpty() ? List.of() : null;
        PortRecord changed = new PortRecord(id, p.networkId(), p.projectId(),
                given.has("name") ? given.text("name") : p.name(),
                given.has("description") ? given.text("description") : p.description(), mac,
                given.bool("admin_state_up", p.adminStateUp()), binding.status(),
                given.node().has("device_id") ? text(given, "device_id") : p.deviceId(),
                given.node().has("device_owner") ? text(given, "device_owner") : p.deviceOwner(), binding.hostId(),
                binding.vifType(), given.has("binding:vnic_type") ? given.text("binding:vnic_type") : p.bindingVnicType(),
                given.node().has("binding:profile") ? given.read("binding:profile", PROFILE) : p.bindingProfile(),
                portSecurity, p.fixedIps(), p.securityGroups(), p.createdAt(), p.updatedAt(), p.revisionNumber());
        PortRecord written = writer.update(changed, fixedIps, groups);
        if (groups != null || fixedIps != null || portSecurity != p.portSecurityEnabled()) {
            // the port's filter, and its address in its groups' remote lists, change on the hosts
            Set<String> touched = new TreeSet<>(p.securityGroups());
            touched.addAll(written.securityGroups());
            conductor.refreshPortFilters(policy.caller(), new SecurityGroupsChanged(List.copyOf(touched),
                    List.of(id)));
        }
        return written;
    }

    @Transactional
    @Override
    public void delete(String id) {
        PortRecord p = ports.lock(id).orElseThrow(() -> NeutronException.portNotFound(id));
        policy.write("delete_port", p.projectId(), false, () -> NeutronException.portNotFound(id));
        if (p.isRouterInterface()) {
            throw NeutronException.conflict("ServicePortInUse", "Port " + id + " cannot be deleted directly via the "
                    + "port API: has device owner " + p.deviceOwner() + ".");
        }
        ports.delete(id);
    }

    /** Neutron's rule for choosing addresses and MACs: the network's owner (or an admin) only. */
    private void networkOwnerOnly(NetworkRecord network, String rule) {
        if (!policy.isAdmin() && !network.projectId().equals(policy.caller().projectId())) {
            throw NeutronException.policy(rule);
        }
    }

    private void adminOnlyBinding(RequestFields given, String action) {
        for (String attribute : List.of("binding:host_id", "binding:profile")) {
            if (given.node().has(attribute)) {
                policy.adminOnly(action + ":" + attribute);
            }
        }
    }

    /** null when the request gave no fixed_ips: the default allocation. */
    private static List<IpRequest> fixedIps(RequestFields given) {
        if (!given.node().has("fixed_ips") || given.get("fixed_ips").isNull()) {
            return null;
        }
        return given.items("fixed_ips").map(ip -> new IpRequest(ip.has("subnet_id") ? ip.text("subnet_id") : null,
                ip.has("ip_address") ? ip.text("ip_address") : null)).toList();
    }

    private static String mac(String text) {
        return MacAddresses.normalise(text).orElseThrow(() -> NeutronException.invalidAttribute("mac_address",
                "'" + text + "' is not a valid MAC address"));
    }

    private static String text(RequestFields given, String field) {
        return given.has(field) ? given.text(field) : "";
    }
}

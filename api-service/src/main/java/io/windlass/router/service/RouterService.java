package io.windlass.router.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.validation.RequestFields;
import io.windlass.network.persistence.NetworkRepository;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NetworkingQuota;
import io.windlass.networking.NeutronCollectionService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.port.persistence.PortRecord;
import io.windlass.port.persistence.PortRepository;
import io.windlass.port.service.IpRequest;
import io.windlass.port.service.NewPort;
import io.windlass.port.service.PortWriter;
import io.windlass.router.persistence.RouterRecord;
import io.windlass.router.persistence.RouterRepository;
import io.windlass.subnet.persistence.SubnetRecord;
import io.windlass.subnet.service.Cidr;
import io.windlass.subnet.service.SubnetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Routers as far as per-project topologies need them (Tempest's dynamic credentials): a router
 * joins subnets through interface ports holding each subnet's gateway address. There are no
 * external networks here, so an external gateway can never be set; nothing is routed on the data
 * plane yet.
 */
@ApplicationScoped
public class RouterService implements NeutronCollectionService<RouterRecord> {
    private final RouterRepository routers;
    private final NetworkRepository networks;
    private final PortRepository ports;
    private final PortWriter portWriter;
    private final SubnetService subnets;
    private final NetworkingPolicy policy;
    private final NetworkingQuota quota;

    public RouterService(RouterRepository routers, NetworkRepository networks, PortRepository ports,
                         PortWriter portWriter, SubnetService subnets, NetworkingPolicy policy, NetworkingQuota quota) {
        this.routers = routers;
        this.networks = networks;
        this.ports = ports;
        this.portWriter = portWriter;
        this.subnets = subnets;
        this.policy = policy;
        this.quota = quota;
    }

    @Transactional
    @Override
    public RouterRecord create(RequestFields given) {
        String project = given.has("project_id") ? given.text("project_id")
                : given.has("tenant_id") ? given.text("tenant_id") : policy.caller().projectId();
        policy.create("create_router", project);
        externalGateway(given.get("external_gateway_info"));
        quota.reserve(project, NetworkingQuota.Resource.ROUTER, 1);
        String id = UUID.randomUUID().toString();
        routers.insert(new RouterRecord(id, project, given.has("name") ? given.text("name") : "",
                given.has("description") ? given.text("description") : "", given.bool("admin_state_up", true),
                null, null, 1));
        return routers.find(id).orElseThrow();
    }

    @Override
    public RouterRecord show(String id) {
        RouterRecord r = routers.find(id).orElseThrow(() -> notFound(id));
        policy.read(r.projectId(), false, () -> notFound(id));
        return r;
    }

    @Override
    public List<RouterRecord> list(NeutronQuery query) {
        return routers.list(query, policy.isAdmin() ? null : policy.caller().projectId());
    }

    @Transactional
    @Override
    public RouterRecord update(String id, RequestFields given) {
        RouterRecord r = writable(id, "update_router");
        externalGateway(given.get("external_gateway_info"));
        routers.update(new RouterRecord(id, r.projectId(), given.has("name") ? given.text("name") : r.name(),
                given.has("description") ? given.text("description") : r.description(),
                given.bool("admin_state_up", r.adminStateUp()), r.createdAt(), r.updatedAt(), r.revisionNumber()));
        return routers.find(id).orElseThrow();
    }

    @Transactional
    @Override
    public void delete(String id) {
        writable(id, "delete_router");
        if (!routers.interfaces(id).isEmpty()) {
            throw NeutronException.conflict("RouterInUse", "Router " + id + " still has ports");
        }
        routers.delete(id);
    }

    /** {@code add_router_interface} with a subnet: a new port holding the subnet's gateway address. */
    @Transactional
    public Map<String, Object> addInterface(String id, RequestFields given) {
        RouterRecord r = writable(id, "add_router_interface");
        if (given.has("port_id") == given.has("subnet_id")) {
            throw badRouterRequest(given.has("port_id") ? "Cannot specify both subnet-id and port-id"
                    : "Either subnet_id or port_id must be specified");
        }
        if (given.has("port_id")) {
            return addPort(r, given.text("port_id"));
        }
        SubnetRecord subnet = subnets.show(given.text("subnet_id"));
        if (subnet.gatewayIp() == null) {
            throw badRouterRequest("Subnet for router interface must have a gateway IP");
        }
        checkSubnetFree(r, subnet, null);
        PortRecord port = portWriter.create(new NewPort(subnet.networkId(), r.projectId(), "", "", true, null,
                List.of(new IpRequest(subnet.id(), subnet.gatewayIp())), r.id(), PortRecord.ROUTER_INTERFACE, "",
                "normal", Map.of(), false, List.of()));
        return info(r, port.id(), subnet.networkId(), List.of(subnet.id()));
    }

    /** {@code remove_router_interface} by subnet or by port: the interface port goes. */
    @Transactional
    public Map<String, Object> removeInterface(String id, RequestFields given) {
        RouterRecord r = writable(id, "remove_router_interface");
        List<String[]> interfaces = routers.interfaces(id);
        String portId;
        if (given.has("port_id")) {
            portId = given.text("port_id");
            if (interfaces.stream().noneMatch(i -> i[0].equals(portId))) {
                throw NeutronException.notFound("RouterInterfaceNotFound", "Router " + id
                        + " does not have an interface with id " + portId);
            }
        } else if (given.has("subnet_id")) {
            String subnetId = given.text("subnet_id");
            portId = interfaces.stream().filter(i -> subnetId.equals(i[1])).map(i -> i[0]).findFirst()
                    .orElseThrow(() -> NeutronException.notFound("RouterInterfaceNotFoundForSubnet", "Router " + id
                            + " has no interface on subnet " + subnetId));
        } else {
            throw badRouterRequest("Either subnet_id or port_id must be specified");
        }
        PortRecord port = ports.lock(portId).orElseThrow(() -> NeutronException.portNotFound(portId));
        ports.delete(portId);
        return info(r, portId, port.networkId(), port.fixedIps().stream().map(ip -> ip.subnetId()).toList());
    }

    private Map<String, Object> addPort(RouterRecord r, String portId) {
        PortRecord port = ports.lock(portId).orElseThrow(() -> NeutronException.portNotFound(portId));
        policy.read(port.projectId(), false, () -> NeutronException.portNotFound(portId));
        if (!port.deviceId().isEmpty()) {
            throw NeutronException.conflict("PortInUse", "Unable to complete operation on port " + portId
                    + " for network " + port.networkId() + ". Port already has an attached device " + port.deviceId()
                    + ".");
        }
        if (port.fixedIps().isEmpty()) {
            throw badRouterRequest("Router port must have at least one fixed IP");
        }
        for (var ip : port.fixedIps()) {
            checkSubnetFree(r, subnets.show(ip.subnetId()), portId);
        }
        portWriter.update(new PortRecord(port.id(), port.networkId(), port.projectId(), port.name(), port.description(),
                port.macAddress(), port.adminStateUp(), port.status(), r.id(), PortRecord.ROUTER_INTERFACE,
                port.bindingHostId(), port.bindingVifType(), port.bindingVnicType(), port.bindingProfile(),
                port.portSecurityEnabled(), port.fixedIps(), port.securityGroups(), port.createdAt(), port.updatedAt(),
                port.revisionNumber()), null, List.of());
        return info(r, portId, port.networkId(), port.fixedIps().stream().map(ip -> ip.subnetId()).toList());
    }

    /** One interface per subnet, and no two interfaces on overlapping subnets (l3_db._check_for_dup_router_subnets). */
    private void checkSubnetFree(RouterRecord r, SubnetRecord subnet, String exceptPort) {
        Cidr cidr = Cidr.parse(subnet.cidr()).orElseThrow();
        for (String[] attached : routers.interfaces(r.id())) {
            if (attached[1] == null || attached[0].equals(exceptPort)) {
                continue;
            }
            if (attached[1].equals(subnet.id())) {
                throw badRouterRequest("Router already has a port on subnet " + subnet.id());
            }
            SubnetRecord other = subnets.show(attached[1]);
            if (Cidr.parse(other.cidr()).orElseThrow().overlaps(cidr)) {
                throw badRouterRequest("Cidr " + subnet.cidr() + " of subnet " + subnet.id() + " overlaps with cidr "
                        + other.cidr() + " of subnet " + other.id());
            }
        }
    }

    /** No network here is external: a known network is refused as Neutron refuses a non-external one. */
    private void externalGateway(JsonNode info) {
        if (info == null || info.isNull() || !info.has("network_id") || info.get("network_id").isNull()) {
            return;
        }
        String networkId = info.get("network_id").asText();
        networks.find(networkId).orElseThrow(() -> NeutronException.networkNotFound(networkId));
        throw badRouterRequest("Network " + networkId + " is not an external network");
    }

    private RouterRecord writable(String id, String rule) {
        RouterRecord r = routers.lock(id).orElseThrow(() -> notFound(id));
        policy.read(r.projectId(), false, () -> notFound(id));
        policy.write(rule, r.projectId(), false, () -> notFound(id));
        return r;
    }

    private static Map<String, Object> info(RouterRecord r, String portId, String networkId, List<String> subnetIds) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("tenant_id", r.projectId());
        v.put("port_id", portId);
        v.put("network_id", networkId);
        v.put("subnet_id", subnetIds.isEmpty() ? null : subnetIds.getFirst());
        v.put("subnet_ids", subnetIds);
        v.put("project_id", r.projectId());
        return v;
    }

    private static NeutronException badRouterRequest(String msg) {
        return NeutronException.badRequest("BadRequest", "Bad router request: " + msg + ".");
    }

    private static NeutronException notFound(String id) {
        return NeutronException.notFound("RouterNotFound", "Router " + id + " could not be found");
    }
}

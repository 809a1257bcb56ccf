package io.windlass.subnet.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.validation.RequestFields;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.persistence.NetworkRepository;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NetworkingQuota;
import io.windlass.networking.NeutronCollectionService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import io.windlass.port.persistence.IpAllocationRepository;
import io.windlass.subnet.persistence.SubnetRecord;
import io.windlass.subnet.persistence.SubnetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subnets: their layout (cidr, gateway, pools), overlap within a network, and "in use". */
@ApplicationScoped
public class SubnetService implements NeutronCollectionService<SubnetRecord> {
    private final SubnetRepository subnets;
    private final NetworkRepository networks;
    private final NetworkingPolicy policy;
    private final NetworkingQuota quota;
    private final IpAllocationRepository allocations;

    public SubnetService(SubnetRepository subnets, NetworkRepository networks, NetworkingPolicy policy,
                         NetworkingQuota quota, IpAllocationRepository allocations) {
        this.subnets = subnets;
        this.networks = networks;
        this.policy = policy;
        this.quota = quota;
        this.allocations = allocations;
    }

    @Transactional
    @Override
    public SubnetRecord create(RequestFields given) {
        String networkId = given.text("network_id");
        NetworkRecord network = networks.lock(networkId, true)
                .orElseThrow(() -> NeutronException.networkNotFound(networkId));
        policy.read(network.projectId(), network.shared(), () -> NeutronException.networkNotFound(networkId));
        String project = given.has("project_id") ? given.text("project_id")
                : given.has("tenant_id") ? given.text("tenant_id") : policy.caller().projectId();
        policy.create("create_subnet", project);
        policy.write("create_subnet", network.projectId(), network.shared(),
                () -> NeutronException.networkNotFound(networkId));
        int version = Integer.parseInt(given.text("ip_version"));
        Cidr cidr = SubnetLayout.cidr(given.text("cidr"), version);
        SubnetLayout layout = SubnetLayout.of(cidr, gatewayChoice(given), pools(given));
        for (SubnetRecord other : subnets.ofNetwork(networkId)) {
            if (Cidr.parse(other.cidr()).orElseThrow().overlaps(cidr)) {
                throw SubnetLayout.overlap(cidr, networkId);
            }
        }
        List<String> dns = nameservers(given.strings("dns_nameservers"), version);
        List<Map<String, String>> routes = routes(given.get("host_routes"), version);
        quota.reserve(project, NetworkingQuota.Resource.SUBNET, 1);
        String id = UUID.randomUUID().toString();
        subnets.insert(new SubnetRecord(id, networkId, project, text(given, "name"), text(given, "description"),
                version, cidr.toString(), layout.gateway() == null ? null : layout.gateway().toString(),
                poolRows(layout.pools()), given.bool("enable_dhcp", true), dns, routes,
                given.text("ipv6_address_mode"), given.text("ipv6_ra_mode"), null, null, 1));
        return subnets.find(id).orElseThrow();
    }

    @Override
    public SubnetRecord show(String id) {
        SubnetRecord subnet = subnets.find(id).orElseThrow(() -> NeutronException.subnetNotFound(id));
        policy.read(subnet.projectId(), sharedNetwork(subnet), () -> NeutronException.subnetNotFound(id));
        return subnet;
    }

    @Override
    public List<SubnetRecord> list(NeutronQuery query) {
        return subnets.list(query, policy.isAdmin() ? null : policy.caller().projectId());
    }

    @Transactional
    @Override
    public SubnetRecord update(String id, RequestFields given) {
        SubnetRecord s = subnets.lock(id, true).orElseThrow(() -> NeutronException.subnetNotFound(id));
        boolean shared = sharedNetwork(s);
        policy.read(s.projectId(), shared, () -> NeutronException.subnetNotFound(id));
        policy.write("update_subnet", s.projectId(), shared, () -> NeutronException.subnetNotFound(id));
        Cidr cidr = Cidr.parse(s.cidr()).orElseThrow();
        IpAddress gateway = given.node().has("gateway_ip") ? SubnetLayout.gateway(cidr, gatewayChoice(given))
                : s.gatewayIp() == null ? null : IpAddress.parse(s.gatewayIp()).orElseThrow();
        List<AddressRange> pools = given.node().has("allocation_pools")
                ? SubnetLayout.pools(cidr, gateway, pools(given)) : SubnetLayout.pools(cidr, null, poolTexts(s));
        SubnetLayout.requireGatewayOutside(gateway, pools);
        String newGateway = gateway == null ? null : gateway.toString();
        if (newGateway != null && !newGateway.equals(s.gatewayIp())) {
            allocations.holder(id, newGateway).ifPresent(holder -> {
                throw NeutronException.conflict("GatewayIpInUse", "Current gateway ip " + newGateway
                        + " already in use by port " + holder + ". Unable to update.");
            });
        }
        subnets.update(new SubnetRecord(id, s.networkId(), s.projectId(),
                given.has("name") ? given.text("name") : s.name(),
                given.has("description") ? given.text("description") : s.description(), s.ipVersion(), s.cidr(),
                newGateway, poolRows(pools), given.bool("enable_dhcp", s.enableDhcp()),
                given.node().has("dns_nameservers") ? nameservers(given.strings("dns_nameservers"), s.ipVersion())
                        : s.dnsNameservers(),
                given.node().has("host_routes") ? routes(given.get("host_routes"), s.ipVersion()) : s.hostRoutes(),
                s.ipv6AddressMode(), s.ipv6RaMode(), s.createdAt(), s.updatedAt(), s.revisionNumber()));
        return subnets.find(id).orElseThrow();
    }

    @Transactional
    @Override
    public void delete(String id) {
        SubnetRecord found = subnets.find(id).orElseThrow(() -> NeutronException.subnetNotFound(id));
        // the network first, as creates take it first: one lock order, no deadlock
        networks.lock(found.networkId(), true);
        SubnetRecord s = subnets.lock(id, true).orElseThrow(() -> NeutronException.subnetNotFound(id));
        boolean shared = sharedNetwork(s);
        policy.read(s.projectId(), shared, () -> NeutronException.subnetNotFound(id));
        policy.write("delete_subnet", s.projectId(), shared, () -> NeutronException.subnetNotFound(id));
        if (subnets.hasUserAllocations(id)) {
            throw NeutronException.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                    + ": One or more ports have an IP allocation from this subnet.");
        }
        subnets.delete(id);
    }

    private boolean sharedNetwork(SubnetRecord s) {
        return networks.find(s.networkId()).map(NetworkRecord::shared).orElse(false);
    }

    private static SubnetLayout.GatewayChoice gatewayChoice(RequestFields given) {
        JsonNode gateway = given.node().get("gateway_ip");
        return gateway == null ? new SubnetLayout.GatewayChoice.Default()
                : gateway.isNull() ? new SubnetLayout.GatewayChoice.None()
                : new SubnetLayout.GatewayChoice.Given(gateway.asText());
    }

    /** The pools the request gave, null when it gave none (the default then applies). */
    private static List<SubnetLayout.PoolText> pools(RequestFields given) {
        JsonNode pools = given.node().get("allocation_pools");
        if (pools == null || pools.isNull()) {
            return null;
        }
        List<SubnetLayout.PoolText> out = new ArrayList<>();
        pools.forEach(p -> out.add(new SubnetLayout.PoolText(p.path("start").asText(), p.path("end").asText())));
        return out;
    }

    private static List<SubnetLayout.PoolText> poolTexts(SubnetRecord s) {
        return s.allocationPools().stream().map(p -> new SubnetLayout.PoolText(p.get("start"), p.get("end"))).toList();
    }

    private static List<Map<String, String>> poolRows(List<AddressRange> pools) {
        return pools.stream().map(p -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("start", p.start().toString());
            row.put("end", p.end().toString());
            return row;
        }).toList();
    }

    private static List<String> nameservers(List<String> given, int version) {
        List<String> out = new ArrayList<>();
        for (String server : given) {
            IpAddress address = IpAddress.parse(server).orElseThrow(() -> NeutronException.invalidAttribute(
                    "dns_nameservers", "'" + server + "' is not a valid nameserver"));
            if (out.contains(address.toString())) {
                throw NeutronException.invalidAttribute("dns_nameservers", "Duplicate nameserver '" + server + "'");
            }
            if (address.version() != version) {
                throw NeutronException.invalidInput("dns_nameserver '" + server + "' does not match the ip_version '"
                        + version + "'");
            }
            out.add(address.toString());
        }
        return out;
    }

    private static List<Map<String, String>> routes(JsonNode given, int version) {
        List<Map<String, String>> out = new ArrayList<>();
        if (given == null || given.isNull()) {
            return out;
        }
        for (JsonNode route : given) {
            String destination = route.path("destination").asText();
            String nexthop = route.path("nexthop").asText();
            Cidr cidr;
            try {
                cidr = Cidr.parse(destination).orElse(null);
            } catch (Cidr.HostBitsSet e) {
                cidr = null;
            }
            IpAddress hop = IpAddress.parse(nexthop).orElse(null);
            if (cidr == null || hop == null || cidr.version() != version || hop.version() != version) {
                throw NeutronException.invalidAttribute("host_routes", "Invalid data format for hostroute: '"
                        + route + "'");
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("destination", cidr.toString());
            row.put("nexthop", hop.toString());
            out.add(row);
        }
        return out;
    }

    private static String text(RequestFields given, String field) {
        return given.has(field) ? given.text(field) : "";
    }
}

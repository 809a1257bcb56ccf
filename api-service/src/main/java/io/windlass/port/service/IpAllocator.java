package io.windlass.port.service;

import io.windlass.networking.NeutronException;
import io.windlass.port.persistence.FixedIp;
import io.windlass.port.persistence.IpAllocationRepository;
import io.windlass.subnet.persistence.SubnetRecord;
import io.windlass.subnet.persistence.SubnetRepository;
import io.windlass.subnet.service.AddressRange;
import io.windlass.subnet.service.Cidr;
import io.windlass.subnet.service.IpAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives a port its addresses, as Neutron's IPAM does: a requested address if it is valid and free,
 * else the next one from the subnet's pools. Automatic allocation tries random addresses of the
 * pools first (each one indexed insert, so the cost does not grow with the allocations already
 * made) and only walks the allocated addresses when random tries keep colliding, i.e. when the
 * pools are nearly full.
 */
@ApplicationScoped
public class IpAllocator {
    private static final int RANDOM_TRIES = 8;

    private final IpAllocationRepository allocations;
    private final SubnetRepository subnets;

    public IpAllocator(IpAllocationRepository allocations, SubnetRepository subnets) {
        this.allocations = allocations;
        this.subnets = subnets;
    }

    /**
     * @param requests  null for Neutron's default: one address from the first IPv4 subnet with room,
     *                  and one from each IPv6 subnet (the MAC's EUI-64 address where the subnet is SLAAC)
     * @param mac       the port's MAC, for SLAAC addresses
     * @param keep      addresses the port already holds and keeps (an update), not allocated again
     */
    public List<FixedIp> allocate(String networkId, String portId, String mac, List<IpRequest> requests,
                                  boolean routerPort, List<FixedIp> keep) {
        List<SubnetRecord> onNetwork = subnets.ofNetwork(networkId);
        List<FixedIp> taken = new ArrayList<>();
        if (requests == null) {
            List<SubnetRecord> v4 = onNetwork.stream().filter(s -> s.ipVersion() == 4).toList();
            for (int i = 0; i < v4.size(); i++) {
                lock(v4.get(i).id());
                // a full subnet is an error only when no later IPv4 subnet has room either
                FixedIp ip = automatic(v4.get(i), portId, i == v4.size() - 1);
                if (ip != null) {
                    taken.add(ip);
                    break;
                }
            }
            for (SubnetRecord subnet : onNetwork) {
                if (subnet.ipVersion() == 6) {
                    lock(subnet.id());
                    taken.add(stateless(subnet) ? slaac(subnet, portId, mac) : automatic(subnet, portId, true));
                }
            }
            return taken;
        }
        for (IpRequest request : requests) {
            if (request.ipAddress() != null && keep.stream().anyMatch(k -> k.ipAddress().equals(canonical(request))
                    && (request.subnetId() == null || request.subnetId().equals(k.subnetId())))) {
                continue;
            }
            SubnetRecord subnet = subnetFor(networkId, onNetwork, request);
            lock(subnet.id());
            if (request.ipAddress() == null) {
                if (keep.stream().noneMatch(k -> k.subnetId().equals(subnet.id()))) {
                    taken.add(stateless(subnet) ? slaac(subnet, portId, mac) : automatic(subnet, portId, true));
                }
                continue;
            }
            String address = fixed(subnet, request.ipAddress(), routerPort);
            if (!allocations.take(subnet.id(), networkId, address, portId)) {
                throw NeutronException.conflict("IpAddressInUse", "Unable to complete operation for network "
                        + networkId + ". The IP address " + address + " is in use.");
            }
            taken.add(new FixedIp(subnet.id(), address));
        }
        return taken;
    }

    /** Addresses of SLAAC and DHCPv6-stateless subnets come from the MAC, not from the pools. */
    private static boolean stateless(SubnetRecord subnet) {
        return "slaac".equals(subnet.ipv6AddressMode()) || "dhcpv6-stateless".equals(subnet.ipv6AddressMode());
    }

    private FixedIp slaac(SubnetRecord subnet, String portId, String mac) {
        String address = Cidr.parse(subnet.cidr()).orElseThrow().eui64(mac).toString();
        if (!allocations.take(subnet.id(), subnet.networkId(), address, portId)) {
            throw NeutronException.conflict("IpAddressInUse", "Unable to complete operation for network "
                    + subnet.networkId() + ". The IP address " + address + " is in use.");
        }
        return new FixedIp(subnet.id(), address);
    }

    /** The subnet row shared-locked, so that it is neither deleted nor re-pooled under the allocation. */
    private void lock(String subnetId) {
        subnets.lock(subnetId, false);
    }

    private static String canonical(IpRequest request) {
        return IpAddress.parse(request.ipAddress()).map(IpAddress::toString).orElse(request.ipAddress());
    }

    private SubnetRecord subnetFor(String networkId, List<SubnetRecord> onNetwork, IpRequest request) {
        if (request.subnetId() != null) {
            SubnetRecord subnet = onNetwork.stream().filter(s -> s.id().equals(request.subnetId())).findFirst()
                    .orElse(null);
            if (subnet == null) {
                if (subnets.find(request.subnetId()).isEmpty()) {
                    throw NeutronException.subnetNotFound(request.subnetId());
                }
                throw NeutronException.invalidInput("Failed to create port on network " + networkId
                        + ", because fixed_ips included invalid subnet " + request.subnetId());
            }
            return subnet;
        }
        IpAddress address = IpAddress.parse(request.ipAddress()).orElseThrow(() -> NeutronException.invalidAttribute(
                "fixed_ips", "'" + request.ipAddress() + "' is not a valid IP address"));
        return onNetwork.stream().filter(s -> Cidr.parse(s.cidr()).orElseThrow().contains(address)).findFirst()
                .orElseThrow(() -> NeutronException.badRequest("InvalidIpForNetwork", "IP address "
                        + request.ipAddress() + " is not a valid IP for any of the subnets on the specified network."));
    }

    /** A requested address: a host address of the subnet, and its gateway only for a router. */
    private static String fixed(SubnetRecord subnet, String text, boolean routerPort) {
        Cidr cidr = Cidr.parse(subnet.cidr()).orElseThrow();
        IpAddress address = IpAddress.parse(text).orElseThrow(() -> NeutronException.invalidAttribute("fixed_ips",
                "'" + text + "' is not a valid IP address"));
        if (!cidr.contains(address) || address.compareTo(cidr.firstHost()) < 0
                || address.compareTo(cidr.lastHost()) > 0) {
            throw NeutronException.badRequest("InvalidIpForSubnet", "IP address " + text
                    + " is not a valid IP for the specified subnet.");
        }
        if (!routerPort && address.toString().equals(subnet.gatewayIp())) {
            throw NeutronException.conflict("IpAddressInUse", "Unable to complete operation for network "
                    + subnet.networkId() + ". The IP address " + address + " is in use.");
        }
        return address.toString();
    }

    /**
     * An address from the pools.
     *
     * @param required whether a full subnet is an error (else null: the caller tries the next subnet)
     */
    private FixedIp automatic(SubnetRecord subnet, String portId, boolean required) {
        List<AddressRange> pools = subnet.allocationPools().stream().map(p -> new AddressRange(
                IpAddress.parse(p.get("start")).orElseThrow(), IpAddress.parse(p.get("end")).orElseThrow())).toList();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < RANDOM_TRIES && !pools.isEmpty(); i++) {
            String candidate = pools.get(random.nextInt(pools.size())).random(random).toString();
            if (allocations.take(subnet.id(), subnet.networkId(), candidate, portId)) {
                return new FixedIp(subnet.id(), candidate);
            }
        }
        for (AddressRange pool : pools) {
            // another request may take the lowest free address between the query and the insert: look again
            for (int i = 0; i < RANDOM_TRIES; i++) {
                String candidate = allocations.lowestFree(subnet.id(), pool.start().toString(), pool.end().toString())
                        .orElse(null);
                if (candidate == null) {
                    break;
                }
                if (allocations.take(subnet.id(), subnet.networkId(), candidate, portId)) {
                    return new FixedIp(subnet.id(), candidate);
                }
            }
        }
        if (!required) {
            return null;
        }
        throw NeutronException.conflict("IpAddressGenerationFailure",
                "No more IP addresses available on network " + subnet.networkId() + ".");
    }
}

package io.windlass.subnet.service;

import io.windlass.networking.NeutronException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A subnet's addresses decided from its request, as neutron/ipam/utils.py and
 * neutron/db/ipam_backend_mixin.py decide them: the normalised cidr, the gateway (the first host
 * unless given, none when given as null) and the allocation pools (given, else the host range
 * around the gateway). Pure: every failure is Neutron's error for it.
 *
 * @param gateway null for a subnet without one
 */
public record SubnetLayout(Cidr cidr, IpAddress gateway, List<AddressRange> pools) {

    /** How the request gave the gateway. */
    public sealed interface GatewayChoice {
        /** Not given: the first host. */
        record Default() implements GatewayChoice {
        }

        /** Given as null: none. */
        record None() implements GatewayChoice {
        }

        record Given(String address) implements GatewayChoice {
        }
    }

    /** A pool as the request spelled it. */
    public record PoolText(String start, String end) {
    }

    public static Cidr cidr(String text, int ipVersion) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(text).orElseThrow(() -> NeutronException.invalidAttribute("cidr",
                    "'" + text + "' is not a valid IP subnet"));
        } catch (Cidr.HostBitsSet e) {
            throw NeutronException.invalidAttribute("cidr", "'" + text + "' isn't a recognized IP subnet cidr, '"
                    + e.getMessage() + "' is recommended");
        }
        if (cidr.version() != ipVersion) {
            throw NeutronException.invalidInput("cidr '" + text + "' does not match the ip_version '" + ipVersion + "'");
        }
        return cidr;
    }

    public static SubnetLayout of(Cidr cidr, GatewayChoice gatewayChoice, List<PoolText> poolsGiven) {
        IpAddress gateway = gateway(cidr, gatewayChoice);
        List<AddressRange> pools = poolsGiven == null ? defaultPools(cidr, gateway)
                : pools(cidr, gateway, poolsGiven);
        return new SubnetLayout(cidr, gateway, pools);
    }

    public static IpAddress gateway(Cidr cidr, GatewayChoice choice) {
        return switch (choice) {
            case GatewayChoice.Default d -> cidr.firstHost();
            case GatewayChoice.None n -> null;
            case GatewayChoice.Given g -> {
                IpAddress address = IpAddress.parse(g.address()).orElseThrow(() -> NeutronException.invalidAttribute(
                        "gateway_ip", "'" + g.address() + "' is not a valid IP address"));
                if (address.version() != cidr.version()) {
                    throw NeutronException.invalidInput("gateway_ip '" + g.address()
                            + "' does not match the ip_version '" + cidr.version() + "'");
                }
                if (!cidr.contains(address) || address.compareTo(cidr.firstHost()) < 0
                        || address.compareTo(cidr.lastHost()) > 0) {
                    throw NeutronException.invalidInput("Gateway is not valid on subnet");
                }
                yield address;
            }
        };
    }

    /** The host range less the gateway: one pool, or two when the gateway sits inside it. */
    public static List<AddressRange> defaultPools(Cidr cidr, IpAddress gateway) {
        List<AddressRange> pools = new ArrayList<>();
        IpAddress first = cidr.firstHost();
        IpAddress last = cidr.lastHost();
        if (gateway == null || gateway.compareTo(first) < 0 || gateway.compareTo(last) > 0) {
            pools.add(new AddressRange(first, last));
            return pools;
        }
        if (gateway.compareTo(first) > 0) {
            pools.add(new AddressRange(first, gateway.plus(-1)));
        }
        if (gateway.compareTo(last) < 0) {
            pools.add(new AddressRange(gateway.plus(1), last));
        }
        return pools;
    }

    /** Given pools: each a valid range of the cidr's hosts, none overlapping another or holding the gateway. */
    public static List<AddressRange> pools(Cidr cidr, IpAddress gateway, List<PoolText> given) {
        List<AddressRange> pools = new ArrayList<>();
        for (PoolText text : given) {
            IpAddress start = IpAddress.parse(text.start()).orElse(null);
            IpAddress end = IpAddress.parse(text.end()).orElse(null);
            String shown = text.start() + "-" + text.end();
            if (start == null || end == null || start.version() != cidr.version() || end.version() != cidr.version()
                    || start.compareTo(end) > 0) {
                throw NeutronException.badRequest("InvalidAllocationPool",
                        "The allocation pool " + shown + " is not valid.");
            }
            AddressRange pool = new AddressRange(start, end);
            if (start.compareTo(cidr.firstHost()) < 0 || end.compareTo(cidr.lastHost()) > 0) {
                throw NeutronException.badRequest("OutOfBoundsAllocationPool", "The allocation pool " + pool
                        + " spans beyond the subnet cidr " + cidr + ".");
            }
            pools.add(pool);
        }
        List<AddressRange> sorted = pools.stream().sorted(Comparator.comparing(AddressRange::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw NeutronException.conflict("OverlappingAllocationPools", "Found overlapping allocation pools: "
                        + sorted.get(i - 1) + " " + sorted.get(i) + " for subnet " + cidr + ".");
            }
        }
        requireGatewayOutside(gateway, pools);
        return pools;
    }

    public static void requireGatewayOutside(IpAddress gateway, List<AddressRange> pools) {
        if (gateway == null) {
            return;
        }
        pools.stream().filter(p -> p.contains(gateway)).findFirst().ifPresent(p -> {
            throw NeutronException.conflict("GatewayConflictWithAllocationPools", "Gateway ip " + gateway
                    + " conflicts with allocation pool " + p + ".");
        });
    }

    /** Neutron's error for a subnet whose cidr overlaps another of the network's. */
    public static NeutronException overlap(Cidr cidr, String networkId) {
        return NeutronException.invalidInput("Requested subnet with cidr: " + cidr + " for network: " + networkId
                + " overlaps with another subnet");
    }
}

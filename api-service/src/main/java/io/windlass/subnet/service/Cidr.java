package io.windlass.subnet.service;

import java.math.BigInteger;
import java.util.Optional;

/** A subnet's range: its network address and prefix length. */
public record Cidr(IpAddress network, int prefix) {

    /**
     * The range of {@code text} ({@code 198.18.10.0/24}); a host address with bits set below the
     * prefix is not one (Neutron refuses {@code 198.18.10.1/24} and recommends the network form).
     *
     * @return empty when {@code text} is no cidr at all
     * @throws HostBitsSet with the recommended form, when host bits are set
     */
    public static Optional<Cidr> parse(String text) {
        Optional<IpPrefix> given = IpPrefix.parse(text);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Cidr cidr = given.get().network();
        if (!cidr.network().equals(given.get().address())) {
            throw new HostBitsSet(cidr.toString());
        }
        return Optional.of(cidr);
    }

    /** Thrown for a cidr with host bits set; carries the form Neutron recommends. */
    public static final class HostBitsSet extends RuntimeException {
        public HostBitsSet(String recommended) {
            super(recommended, null, false, false);
        }
    }

    public int version() {
        return network.version();
    }

    public IpAddress last() {
        return new IpAddress(network.value().add(BigInteger.ONE.shiftLeft(IpAddress.bits(version()) - prefix))
                .subtract(BigInteger.ONE), version());
    }

    public boolean contains(IpAddress address) {
        return address.version() == version() && address.compareTo(network) >= 0 && address.compareTo(last()) <= 0;
    }

    public boolean overlaps(Cidr other) {
        return other.version() == version() && network.compareTo(other.last()) <= 0
                && other.network().compareTo(last()) <= 0;
    }

    /** The first address a host may have: after the network address, except where the range is tiny. */
    public IpAddress firstHost() {
        return tiny() ? network : network.plus(1);
    }

    /** The last address a host may have: IPv4 keeps its broadcast address back. */
    public IpAddress lastHost() {
        return version() == 4 && !tiny() ? last().plus(-1) : last();
    }

    /** A /31 or /32 (or /127, /128) has no network or broadcast address to keep back. */
    private boolean tiny() {
        return IpAddress.bits(version()) - prefix <= 1;
    }

    @Override
    public String toString() {
        return network + "/" + prefix;
    }

    /**
     * The stateless (SLAAC) address of a MAC in this IPv6 prefix: the modified EUI-64 interface id
     * (RFC 4291 appendix A: ff:fe in the middle, universal/local bit flipped) below the prefix.
     */
    public IpAddress eui64(String mac) {
        String[] bytes = mac.split(":");
        long iid = 0;
        for (int i = 0; i < 6; i++) {
            long b = Long.parseLong(bytes[i], 16) ^ (i == 0 ? 0x02 : 0);
            iid = iid << 8 | b;
            if (i == 2) {
                iid = iid << 16 | 0xfffe;
            }
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(IpAddress.bits(version()) - prefix).subtract(BigInteger.ONE);
        return new IpAddress(network.value().or(new BigInteger(Long.toUnsignedString(iid)).and(hostMask)), version());
    }
}

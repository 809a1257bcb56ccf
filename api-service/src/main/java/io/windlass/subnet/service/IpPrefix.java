package io.windlass.subnet.service;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An address with a prefix length, host bits allowed ({@code 198.18.10.1/24}), as netaddr's
 * {@code IPNetwork} reads it: a security group rule's {@code remote_ip_prefix}, or a cidr before
 * it is checked to be a network ({@link Cidr#parse}).
 */
public record IpPrefix(IpAddress address, int length) {

    /** @return empty when {@code text} is no address, or its length does not fit it; a bare address is a host's */
    public static Optional<IpPrefix> parse(String text) {
        int slash = text.indexOf('/');
        Optional<IpAddress> address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = IpAddress.bits(address.get().version());
        int length;
        try {
            length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return length < 0 || length > bits ? Optional.empty() : Optional.of(new IpPrefix(address.get(), length));
    }

    /** The network this prefix is in: {@code 198.18.10.1/24} → {@code 198.18.10.0/24}. */
    public Cidr network() {
        int bits = IpAddress.bits(address.version());
        BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        return new Cidr(new IpAddress(address.value().andNot(hostBits), address.version()), length);
    }

    /** As netaddr writes it: the address in its canonical form and the length, host bits kept. */
    @Override
    public String toString() {
        return address + "/" + length;
    }
}

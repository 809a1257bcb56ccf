package io.windlass.subnet.service;

import java.math.BigInteger;
import java.util.Random;
import java.util.random.RandomGenerator;

/** An allocation pool: the addresses from {@code start} to {@code end}, both included. */
public record AddressRange(IpAddress start, IpAddress end) {

    public BigInteger size() {
        return end.value().subtract(start.value()).add(BigInteger.ONE);
    }

    public boolean contains(IpAddress address) {
        return address.version() == start.version() && address.compareTo(start) >= 0 && address.compareTo(end) <= 0;
    }

    public boolean overlaps(AddressRange other) {
        return start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
    }

    /** A uniformly random address of the range. */
    public IpAddress random(RandomGenerator random) {
        BigInteger size = size();
        // 64 spare bits make the modulo's bias negligible even for an IPv6 /64
        BigInteger offset = size.bitLength() < 63 ? BigInteger.valueOf(random.nextLong(size.longValue()))
                : new BigInteger(size.bitLength() + 64, Random.from(random)).mod(size);
        return new IpAddress(start.value().add(offset), start.version());
    }

    /** Neutron's rendering in errors: {@code 198.18.10.2-198.18.10.254}... as IPRange's str. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}

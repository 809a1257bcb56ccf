package io.windlass.network;

import java.util.Objects;

/**
 * One of a port's addresses.
 *
 * @param subnetId  the Windlass subnet it was allocated from (kept for reports; the engine does not need it)
 * @param ipAddress the address, without prefix length
 */
public record FixedIp(String subnetId, String ipAddress) {
    public FixedIp {
        Objects.requireNonNull(ipAddress, "ipAddress");
    }

    /** 6 for an IPv6 address, else 4: an IPv6 literal always has a colon, an IPv4 one never. */
    public int ipVersion() {
        return ipAddress.indexOf(':') >= 0 ? 6 : 4;
    }
}

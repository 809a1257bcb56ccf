package io.windlass.port.persistence;

/** One address a port holds. */
public record FixedIp(String subnetId, String ipAddress) {
}

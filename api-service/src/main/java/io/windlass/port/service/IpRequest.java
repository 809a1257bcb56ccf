package io.windlass.port.service;

/**
 * One {@code fixed_ips} entry: a subnet, an address, or both (null when not given).
 */
public record IpRequest(String subnetId, String ipAddress) {
}

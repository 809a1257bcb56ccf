package io.windlass.server;

/**
 * One address of a server on one network, as the driver observed it.
 *
 * @param addr    IP address
 * @param version 4 or 6
 * @param macAddr MAC address or null
 */
public record ServerAddress(String addr, int version, String macAddr) {
}

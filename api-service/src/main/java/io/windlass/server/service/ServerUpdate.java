package io.windlass.server.service;

/**
 * A validated {@code PUT /servers/{id}} body; a null field is unchanged, except where a
 * {@code has*} flag says the caller set it (to null, which clears it).
 *
 * @param name           new name or null
 * @param hasDescription description was given (2.19)
 * @param description    new description, null clears
 * @param hasAccessIpV4  accessIPv4 was given
 * @param accessIpV4     new access IPv4, null clears
 * @param hasAccessIpV6  accessIPv6 was given
 * @param accessIpV6     new access IPv6, null clears
 * @param diskConfig     AUTO/MANUAL or null
 * @param hostname       new hostname (2.90) or null
 */
public record ServerUpdate(String name, boolean hasDescription, String description, boolean hasAccessIpV4,
                           String accessIpV4, boolean hasAccessIpV6, String accessIpV6, String diskConfig,
                           String hostname) {
}

package io.windlass.server.service;

import io.windlass.server.InjectedFile;

import java.util.List;
import java.util.Map;

/**
 * A validated {@code {"rebuild": {...}}} ({@code schemas/compute/servers/action.json}): the server
 * made again from {@code imageRef}, same uuid, host and ports. A null field leaves the server's
 * value as it is; a {@link Given} one replaces it, with null where Nova lets a rebuild clear it.
 *
 * @param imageRef    the image catalogue id to rebuild from
 * @param name        a new display name
 * @param adminPass   the password asked for, or null to generate one
 * @param metadata    new metadata (replaces the old entirely)
 * @param diskConfig  AUTO or MANUAL
 * @param accessIpV4  a new access IPv4
 * @param accessIpV6  a new access IPv6
 * @param files       new personality files (before 2.57)
 * @param description a new description (2.19)
 * @param keyName     the caller's key pair to put in, null to take the key out (2.54)
 * @param userData    new user data (2.57)
 * @param hostname    a new hostname (2.90)
 */
public record RebuildRequest(String imageRef, String name, String adminPass, Map<String, String> metadata,
                             String diskConfig, Given<String> accessIpV4, Given<String> accessIpV6,
                             List<InjectedFile> files, Given<String> description, Given<String> keyName,
                             Given<String> userData, String hostname) implements ServerActionRequest {

    /** A member the request names: its value replaces the server's, null included. */
    public record Given<T>(T value) {
    }
}

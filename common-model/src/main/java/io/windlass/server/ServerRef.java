package io.windlass.server;

/**
 * Names one server.
 *
 * @param uuid server uuid
 */
public record ServerRef(String uuid) {
}

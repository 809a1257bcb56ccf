package io.windlass.server;

/**
 * Asks for a power action on an existing server.
 *
 * @param uuid   server uuid
 * @param action what to do
 */
public record ServerOperation(String uuid, ServerAction action) {
}

package io.windlass.server;

/**
 * Asks the conductor to rebuild a server of a down host on another host (Nova's evacuate): the API
 * has set task_state {@code rebuilding}.
 *
 * @param uuid       server uuid
 * @param sourceHost the down host the server leaves, as the API saw it (a redelivery after the move finds it gone)
 * @param host       the host the administrator asked for, or null for the scheduler's choice
 * @param stopped    leave it stopped on the new host, whatever its state was (from microversion 2.95)
 */
public record EvacuateServer(String uuid, String sourceHost, String host, boolean stopped) {
}

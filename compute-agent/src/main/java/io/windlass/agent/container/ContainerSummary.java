package io.windlass.agent.container;

/**
 * A managed container in a listing.
 *
 * @param uuid     Windlass uuid
 * @param engineId engine's own id
 * @param running  its process runs (running, paused or restarting)
 */
public record ContainerSummary(String uuid, String engineId, boolean running) {
}

package io.windlass.container;

/**
 * Remove a container.
 *
 * @param uuid  container uuid
 * @param force remove even if running (engine errors ignored)
 * @param stop  stop it first (10 s grace)
 */
public record DeleteContainer(String uuid, boolean force, boolean stop) {
}

package io.windlass.agent.driver;

/**
 * An image as the host's engine holds it.
 *
 * @param id   the engine's id ({@code sha256:...})
 * @param size bytes, as the engine measures the image
 */
public record EngineImage(String id, long size) {
}

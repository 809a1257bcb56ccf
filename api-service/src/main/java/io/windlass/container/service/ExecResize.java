package io.windlass.container.service;

/**
 * What {@code POST /containers/{id}/execute_resize} asks.
 *
 * @param execId the engine's exec instance
 * @param height rows
 * @param width  columns
 */
public record ExecResize(String execId, int height, int width) {
}

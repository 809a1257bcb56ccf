package io.windlass.container;

import java.util.Objects;

/**
 * {@code compute.container_exec_resize} (1.11), a call: Zun's {@code execute_resize}, the size of
 * the terminal of one of the container's exec instances.
 *
 * @param uuid   the container the exec instance must belong to
 * @param execId the engine's exec instance (64 hex digits)
 * @param height rows
 * @param width  columns
 */
public record ResizeContainerExec(String uuid, String execId, int height, int width) {
    public ResizeContainerExec {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(execId, "execId");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("a terminal has at least one row and one column: " + height + "x" + width);
        }
    }
}

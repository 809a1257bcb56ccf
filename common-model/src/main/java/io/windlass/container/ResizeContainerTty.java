package io.windlass.container;

import java.util.Objects;

/**
 * {@code compute.container_resize} (1.17), a call: Zun's {@code resize}, the size of the terminal of
 * the container's main process (the one an attach reaches).
 *
 * @param height rows
 * @param width  columns
 */
public record ResizeContainerTty(String uuid, int height, int width) {
    public ResizeContainerTty {
        Objects.requireNonNull(uuid, "uuid");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("a terminal has at least one row and one column: " + height + "x" + width);
        }
    }
}

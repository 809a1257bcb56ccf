package io.windlass.container;

import java.util.Objects;

/**
 * {@code compute.container_top} (1.11), a call: Zun's {@code top}, the processes running in a
 * container as the host's {@code ps} lists them (the engine's top).
 *
 * @param uuid   the container
 * @param psArgs options for {@code ps} (the engine's default {@code -ef} when null)
 */
public record ListContainerProcesses(String uuid, String psArgs) {
    public ListContainerProcesses {
        Objects.requireNonNull(uuid, "uuid");
    }
}

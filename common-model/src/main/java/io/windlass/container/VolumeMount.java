package io.windlass.container;

/**
 * One of Zun's {@code mounts} (1.11) on an engine named volume.
 *
 * @param volume      the engine volume's name
 * @param destination the path in the container
 * @param made        made for the container (Zun's {@code size} without {@code source}): the host makes it
 *                    with the container and removes it with the container, as Zun's {@code auto_remove}
 *                    volumes; otherwise it must exist on the host and outlives the container
 */
public record VolumeMount(String volume, String destination, boolean made) {
}

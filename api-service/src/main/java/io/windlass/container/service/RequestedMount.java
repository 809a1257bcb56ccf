package io.windlass.container.service;

/**
 * One of Zun's {@code mounts} as asked (type {@code volume}).
 *
 * @param source      the engine volume's name, or null for one made for the container
 * @param destination the path in the container
 * @param size        GiB asked for a made volume (Zun's Cinder size; the engine's local volumes take none), or null
 */
public record RequestedMount(String source, String destination, Integer size) {
}

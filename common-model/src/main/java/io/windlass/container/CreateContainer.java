package io.windlass.container;

/**
 * Create (and with {@code run}, start) a container.
 *
 * @param spec container definition
 * @param run  start it once created
 */
public record CreateContainer(ContainerSpec spec, boolean run) {
}

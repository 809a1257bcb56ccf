package io.windlass.container;

/**
 * Live change of a container's limits; null keeps the current value.
 *
 * @param uuid     container uuid
 * @param cpu      new CPUs or null
 * @param memoryMb new memory limit in MiB or null
 */
public record ResizeContainer(String uuid, Double cpu, Integer memoryMb) {
}

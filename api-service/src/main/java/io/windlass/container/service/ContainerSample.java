package io.windlass.container.service;

import io.windlass.container.ContainerStats;

/**
 * One stats sample of a named container.
 *
 * @param name  the container's name
 * @param stats what its compute host measured
 */
public record ContainerSample(String name, ContainerStats stats) {
}

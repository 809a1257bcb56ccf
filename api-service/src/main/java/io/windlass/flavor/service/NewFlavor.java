package io.windlass.flavor.service;

/**
 * A validated {@code POST /flavors} body.
 *
 * @param flavorId    requested id, or null for a generated uuid
 * @param description null when absent (only accepted from 2.55)
 */
public record NewFlavor(String name, String flavorId, int memoryMb, int vcpus, int rootGb, int ephemeralGb,
                        int swapMb, double rxtxFactor, boolean isPublic, String description) {
}

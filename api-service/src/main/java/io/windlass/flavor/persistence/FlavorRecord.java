package io.windlass.flavor.persistence;

import java.util.Map;

/**
 * One row of {@code flavors}.
 *
 * @param internalId  database key (access lists refer to it)
 * @param flavorId    the API id
 * @param name        unique name
 * @param vcpus       vCPUs
 * @param memoryMb    RAM, MiB
 * @param rootGb      root disk, GiB
 * @param ephemeralGb ephemeral disk, GiB
 * @param swapMb      swap, MiB (0: none)
 * @param rxtxFactor  Nova's network factor, kept for the wire format
 * @param isPublic    usable by every project
 * @param disabled    hidden from boots
 * @param description free text or null
 * @param extraSpecs  extra specs (matched by the scheduler against aggregate metadata)
 * @param createdAt   creation time
 */
public record FlavorRecord(long internalId, String flavorId, String name, int vcpus, int memoryMb, int rootGb,
                           int ephemeralGb, int swapMb, double rxtxFactor, boolean isPublic, boolean disabled,
                           String description, Map<String, String> extraSpecs, java.time.Instant createdAt) {
    public FlavorRecord {
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }
}

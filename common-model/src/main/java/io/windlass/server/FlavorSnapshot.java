package io.windlass.server;

import java.util.Map;

/**
 * A flavor as a server holds it (Nova's embedded flavor): the one it is being resized to
 * ({@code new_flavor}) and the one a revert goes back to ({@code old_flavor}).
 *
 * @param flavorId    the flavor's API id
 * @param name        its name
 * @param vcpus       vCPUs
 * @param memoryMb    RAM, MiB
 * @param rootGb      root disk, GiB
 * @param ephemeralGb ephemeral disk, GiB
 * @param swap        swap, MiB
 * @param extraSpecs  extra specs
 */
public record FlavorSnapshot(String flavorId, String name, int vcpus, int memoryMb, int rootGb, int ephemeralGb,
                             int swap, Map<String, String> extraSpecs) {
    public FlavorSnapshot {
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }
}

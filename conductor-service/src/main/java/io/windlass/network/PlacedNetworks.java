package io.windlass.network;

import java.util.List;

/**
 * What placing a workload on a host did to its ports.
 *
 * @param networks what the host needs to create the workload on them
 * @param ports    the ports, for the row's addresses
 */
public record PlacedNetworks(WorkloadNetworks networks, List<BoundPort> ports) {
    public static final PlacedNetworks NONE = new PlacedNetworks(WorkloadNetworks.NONE, List.of());
}

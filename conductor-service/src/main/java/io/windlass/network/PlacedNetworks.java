package io.windlass.network;

import java.util.List;
import java.util.Map;

/**
 * What placing a workload on a host did to its ports.
 *
 * @param networks    what the host needs to create the workload on them
 * @param ports       the ports, for the row's addresses
 * @param peerUpdates other hosts carrying the workload's networks, each with its new peer list
 */
public record PlacedNetworks(WorkloadNetworks networks, List<BoundPort> ports,
                             Map<String, List<NetworkBinding>> peerUpdates) {
    public static final PlacedNetworks NONE = new PlacedNetworks(WorkloadNetworks.NONE, List.of(), Map.of());
}

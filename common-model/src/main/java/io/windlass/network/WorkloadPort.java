package io.windlass.network;

/**
 * One port a workload holds, as its row records it ({@code nics}): which port, on which network,
 * and whether the port outlives the workload. Zun keeps that flag on each address
 * ({@code preserve_on_delete}) and Nova in its network info cache; here it is part of the row so
 * that a delete knows what to unbind and what to delete even when the addresses were never shown.
 *
 * @param portId           the port's uuid
 * @param networkId        its network's uuid
 * @param preserveOnDelete the user brought the port: on delete it is unbound, not deleted
 * @param tag              the device tag a Nova user gave it (2.32, 2.42+), or null
 */
public record WorkloadPort(String portId, String networkId, boolean preserveOnDelete, String tag) {
}

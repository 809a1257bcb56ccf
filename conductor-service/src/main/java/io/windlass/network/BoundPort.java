package io.windlass.network;

import java.util.List;

/**
 * One port of a workload as its row shows it: Zun keys addresses by network id and lists port and
 * subnet, Nova keys them by network name with the MAC.
 *
 * @param portId           the port
 * @param networkId        its network
 * @param networkName      the network's name (Nova's address label)
 * @param mac              the port's MAC
 * @param fixedIps         its addresses
 * @param preserveOnDelete the user brought the port
 */
public record BoundPort(String portId, String networkId, String networkName, String mac, List<FixedIp> fixedIps,
                        boolean preserveOnDelete) {
}

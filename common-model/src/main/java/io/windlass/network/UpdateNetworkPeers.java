package io.windlass.network;

/**
 * compute.update_network_peers: a host began or stopped holding ports of a network this host
 * carries; flood the network's frames to exactly these peers.
 *
 * @param network the network, with the complete current peer list
 */
public record UpdateNetworkPeers(NetworkBinding network) {
}

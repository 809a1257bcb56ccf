package io.windlass.network;

import java.util.Objects;

/**
 * {@code compute.attach_port} (1.6), a call: connect the engine container of a placed workload to
 * one more port. Idempotent: a container already on the port's network is left as it is.
 *
 * @param kind    {@link InterfaceChange#CONTAINER} or {@link InterfaceChange#SERVER}: which driver names the engine container
 * @param uuid    the workload
 * @param port    the port: the interface gets exactly its addresses (and its MAC where the engine takes one)
 * @param network the port's network with the hosts that carry it, so the host can make it first
 */
public record AttachPort(String kind, String uuid, PortSpec port, NetworkBinding network) {
    public AttachPort {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(network, "network");
        if (!port.networkId().equals(network.networkId())) {
            throw new IllegalArgumentException("port " + port.portId() + " is on " + port.networkId()
                    + ", not on " + network.networkId());
        }
    }
}

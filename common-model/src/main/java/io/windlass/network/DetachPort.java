package io.windlass.network;

import java.util.Objects;

/**
 * {@code compute.detach_port} (1.6), a call: disconnect the engine container of a workload from a
 * port's network (one port per network per workload, as Zun has it) and let the network go from
 * the host when nothing else there uses it. Idempotent: a container not on the network, or gone,
 * is detached already.
 *
 * @param kind      {@link InterfaceChange#CONTAINER} or {@link InterfaceChange#SERVER}
 * @param uuid      the workload
 * @param portId    the port, for the logs
 * @param networkId the port's network
 */
public record DetachPort(String kind, String uuid, String portId, String networkId) {
    public DetachPort {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(networkId, "networkId");
    }
}

package io.windlass.network;

import java.util.Objects;

/**
 * {@code conductor.attach_interface} and {@code conductor.detach_interface} (1.5): one port of a
 * placed workload is to be put on or taken off its engine container. The api-service has already
 * bound (attach) the port to the workload, in the row's own transaction, and recorded it in the
 * row's {@code nics}; a detach leaves the port in {@code nics} until the host has let it go.
 *
 * @param kind   {@link #CONTAINER} (Zun {@code network_attach}/{@code network_detach}) or
 *               {@link #SERVER} (Nova {@code os-interface}); capsules have no such API upstream
 * @param uuid   the workload
 * @param portId the port
 */
public record InterfaceChange(String kind, String uuid, String portId) {
    public static final String CONTAINER = "container";
    public static final String SERVER = "server";

    public InterfaceChange {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(portId, "portId");
        if (!CONTAINER.equals(kind) && !SERVER.equals(kind)) {
            throw new IllegalArgumentException("interfaces change on containers and servers, not on " + kind);
        }
    }
}

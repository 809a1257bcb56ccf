package io.windlass.container;

import io.windlass.network.WorkloadNetworks;

/**
 * Create (and with {@code run}, start) a container.
 *
 * @param spec container definition
 * @param run      start it once created
 * @param networks its ports and their networks (since compute RPC 1.5); empty: the engine's default network
 */
public record CreateContainer(ContainerSpec spec, boolean run, WorkloadNetworks networks) {
    public CreateContainer {
        networks = networks == null ? WorkloadNetworks.NONE : networks;
    }

    /** On the engine's default network (the 1.0 shape). */
    public CreateContainer(ContainerSpec spec, boolean run) {
        this(spec, run, WorkloadNetworks.NONE);
    }
}

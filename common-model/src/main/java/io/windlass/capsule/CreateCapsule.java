package io.windlass.capsule;

import io.windlass.network.WorkloadNetworks;

/**
 * compute.create_capsule: realise the capsule on this host.
 *
 * @param spec     the capsule
 * @param networks the sandbox's ports and their networks, which every member shares (since compute RPC 1.5)
 */
public record CreateCapsule(CapsuleSpec spec, WorkloadNetworks networks) {
    public CreateCapsule {
        networks = networks == null ? WorkloadNetworks.NONE : networks;
    }

    /** On the engine's default network (the 1.2 shape). */
    public CreateCapsule(CapsuleSpec spec) {
        this(spec, WorkloadNetworks.NONE);
    }
}

package io.windlass.agent.capsule;

import io.windlass.agent.workload.WorkloadDriver;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.network.WorkloadNetworks;

/**
 * What the agent needs from an engine for Zun capsules: a sandbox owning the network namespace,
 * init containers run to completion in order, then the app containers, and the capsule's
 * volumes. {@link #observe} is empty once nothing of the capsule is left on the engine.
 */
public interface CapsuleDriver extends WorkloadDriver<ObservedCapsule>, AutoCloseable {

    /**
     * Creates the capsule; it either ends with every app container started or throws, leaving
     * the caller to {@link #remove} what was made. The sandbox is on the capsule's ports (the first
     * from its create on, with the port's addresses and MAC); the members share its network namespace.
     *
     * @param networks the capsule's ports; empty: the engine's default network
     * @throws CapsuleFailure an init container failed or did not finish in time (the message says which)
     * @throws io.windlass.agent.driver.DriverException the engine refused
     */
    void create(CapsuleSpec capsule, WorkloadNetworks networks);

    /**
     * Removes the members, the sandbox and the volumes made for the capsule that go with it, then
     * those of the sandbox's tenant networks no other workload uses.
     *
     * @param failedCreate a failed create also removes the new volumes it made, whatever
     *                     autoRemove says: the user never got a capsule to keep them for
     */
    void remove(CapsuleSpec capsule, boolean failedCreate);

    @Override
    void close();
}

package io.windlass.agent.workload;

import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;

/**
 * What {@code attach_port} and {@code detach_port} (compute RPC 1.6) need of a kind whose placed
 * workloads gain and lose ports after their create: Zun containers ({@code network_attach},
 * {@code network_detach}) and Nova servers ({@code os-interface}). Capsules have no such API
 * upstream, so their driver is not one. Workloads are addressed by uuid, as everywhere; failures
 * are {@link io.windlass.agent.driver.DriverException}s.
 */
public interface InterfaceDriver {

    /**
     * Puts the workload on one more port: the port's network is made on the host first (with its
     * VXLAN device and flooding to the binding's peers), then the workload is connected to it with
     * the port's addresses. Idempotent: a workload on the port's network already is left as it is.
     * A failed attach leaves no network made for it behind.
     *
     * @throws io.windlass.agent.driver.WorkloadNotFoundException when the engine has no such workload
     */
    void attachPort(String uuid, PortSpec port, NetworkBinding network);

    /**
     * Takes the workload off the network (one port per network per workload) and removes the
     * network from the host when nothing else there uses it. Idempotent: a workload not on the
     * network, or gone, is detached already, and only the network's release is left to do.
     */
    void detachPort(String uuid, String networkId);
}

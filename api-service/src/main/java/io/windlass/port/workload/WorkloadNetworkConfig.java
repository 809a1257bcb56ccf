package io.windlass.port.workload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How workloads that name no network are placed on one. */
@ConfigMapping(prefix = "windlass.network.workloads")
public interface WorkloadNetworkConfig {

    /**
     * A container, capsule or server whose create names no network goes on the project's network,
     * as upstream does: Zun takes the project's first network, else the first shared one; Nova the
     * only one there is (409 NetworkAmbiguous with several). When the project sees no network with a
     * subnet, {@link #whenNoneVisible()} decides. {@code false}: such workloads always go on the
     * engine's default network, as before tenant networks existed.
     */
    @WithDefault("true")
    boolean chooseNetwork();

    /**
     * What a create that names no network gets when its project sees none (with {@link #chooseNetwork()}).
     * The default keeps a cloud without any Networking API set-up usable: the workload goes on its host
     * engine's default network. {@code refuse} answers as upstream does.
     */
    @WithDefault("engine-network")
    NoneVisible whenNoneVisible();

    enum NoneVisible {
        /** The host engine's default network (no port). */
        ENGINE_NETWORK,
        /**
         * Upstream's refusal: Zun's 409 "There is no neutron network available" (containers and capsules);
         * Nova's 400 UnableToAutoAllocateNetwork for {@code networks: auto}, and no network at all for a
         * create before 2.37 that names none, as Nova boots such a server without a NIC.
         */
        REFUSE
    }
}

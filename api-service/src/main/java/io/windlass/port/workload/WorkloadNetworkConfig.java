package io.windlass.port.workload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How workloads that name no network are placed on one. */
@ConfigMapping(prefix = "windlass.network.workloads")
public interface WorkloadNetworkConfig {

    /**
     * A container, capsule or server whose create names no network goes on the project's network,
     * as upstream does: Zun takes the project's first network, else the first shared one; Nova the
     * only one there is (409 NetworkAmbiguous with several). Either way, when the project sees no
     * network with a subnet the workload goes on its host engine's default network, where Zun and
     * Nova would refuse the create. {@code false}: such workloads always go on the engine's default
     * network, as before tenant networks existed.
     */
    @WithDefault("true")
    boolean chooseNetwork();
}

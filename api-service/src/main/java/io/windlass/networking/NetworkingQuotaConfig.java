package io.windlass.networking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-project limits of the Networking API, Neutron's defaults (neutron/conf/quota.py) where it
 * has them; -1 is unlimited. {@code windlass.network.quota.ports=1000} raises one for every project.
 */
@ConfigMapping(prefix = "windlass.network.quota")
public interface NetworkingQuotaConfig {
    @WithDefault("100")
    int networks();

    @WithDefault("100")
    int subnets();

    @WithDefault("500")
    int ports();

    @WithDefault("10")
    int securityGroups();

    @WithDefault("100")
    int securityGroupRules();

    @WithDefault("10")
    int routers();
}

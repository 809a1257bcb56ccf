package io.windlass.agent.driver.fake;

import io.windlass.agent.network.FdbPlan;
import io.windlass.agent.network.TenantNetworks;
import io.windlass.network.NetworkBinding;

import java.util.List;

/**
 * SIMULATION ONLY: fake hosts carry no tenant networks. The fake drivers put workloads on no port
 * (their create ignores {@code networks}), so there are neither peers to update nor networks to release.
 */
public final class FakeNetworks implements TenantNetworks {

    @Override
    public FdbPlan updatePeers(NetworkBinding binding) {
        return new FdbPlan(List.of(), List.of());
    }

    @Override
    public List<String> releaseUnused() {
        return List.of();
    }
}

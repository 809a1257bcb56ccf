package io.windlass.agent.driver.fake;

import io.windlass.agent.network.PortFilters;
import io.windlass.network.UpdatePortFilters;

/**
 * SIMULATION ONLY: fake hosts put workloads on no port, so there is nothing to filter; the
 * conductor's {@code update_port_filters} is accepted and ignored.
 */
public final class FakePortFilters implements PortFilters {

    @Override
    public void apply(UpdatePortFilters request) {
        // nothing runs, nothing to filter
    }
}

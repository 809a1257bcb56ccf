package io.windlass.agent.network;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.fault.TransientFailure;
import io.windlass.network.UpdatePortFilters;
import io.windlass.rpc.RpcEndpoint;
import org.jboss.logging.Logger;

/**
 * The host's security group method on {@code compute.<host>}: {@code update_port_filters} (1.7),
 * cast by the conductor with the complete filtering of the host's ports after a placement, when
 * groups change, and every reconcile round.
 */
public final class PortFilterManager {
    private static final Logger LOG = Logger.getLogger(PortFilterManager.class);

    private final PortFilters filters;

    public PortFilterManager(PortFilters filters) {
        this.filters = filters;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint.on(ComputeRpcApi.UPDATE_PORT_FILTERS, (ctx, r) -> {
            update(r);
            return null;
        });
    }

    void update(UpdatePortFilters request) {
        LOG.debugf("update_port_filters: %d ports", request.ports().size());
        try {
            filters.apply(request);
        } catch (RuntimeException e) {
            if (TransientFailure.of(e).isPresent()) {
                // the same message again, a little later
                throw e;
            }
            // the list is complete every time: the conductor's next round brings the filters right,
            // and until then the host keeps the filters it had (a restore is all or nothing)
            LOG.warnf("port filters not updated: %s", e.getMessage());
        }
    }
}

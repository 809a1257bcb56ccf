package io.windlass.server.service;

import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Nova's {@code forceDelete} and {@code restore} ({@code deferred_delete.py}), which act on a
 * server in SOFT_DELETED. Windlass deletes at once (Nova's {@code reclaim_instance_interval} 0),
 * so no server is ever soft-deleted: the server is looked up and authorised as Nova does (404 for
 * one the caller cannot see), then refused for its state, in Nova's words.
 */
@ApplicationScoped
public class ServerDeferredDeletes {
    private final ServerLookup lookup;

    public ServerDeferredDeletes(ServerLookup lookup) {
        this.lookup = lookup;
    }

    /** @param method {@code forceDelete} or {@code restore} */
    public void refuse(RequestContext caller, String id, String method) {
        ServerEntity s = lookup.authorized(caller, id, method.equals("restore") ? ServerPolicy.DEFERRED_RESTORE
                : ServerPolicy.DEFERRED_FORCE_DELETE);
        throw ServerActionRules.invalidState(s, method, "vm_state", s.vmState.value());
    }
}

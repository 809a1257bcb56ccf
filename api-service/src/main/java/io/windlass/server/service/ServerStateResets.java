package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.context.RequestContext;
import io.windlass.migration.persistence.ServerMigrations;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Nova's {@code os-resetState} ({@code admin_actions.py _reset_state}): an admin sets a server's
 * vm_state to {@code active} or {@code error} and clears its task, a row change with nothing for the
 * host, recorded as the {@code resetState} instance action. It is how an operator gets a server out
 * of a state nothing else ends; the host's next report then says what the engine really runs. The
 * task's migration record ends with it (a resize in {@code error}, an evacuation in {@code error} or
 * {@code failed}), as when the reconciler clears a stale task, so no record stays in progress for a
 * task that no longer runs.
 */
@ApplicationScoped
public class ServerStateResets {
    private static final Logger LOG = Logger.getLogger(ServerStateResets.class);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ServerPolicy policy;
    private final ActionLog actions;
    private final ServerMigrations migrations;

    public ServerStateResets(ServerRepository repository, ServerLookup lookup, ServerPolicy policy, ActionLog actions,
                             ServerMigrations migrations) {
        this.repository = repository;
        this.migrations = migrations;
        this.lookup = lookup;
        this.policy = policy;
        this.actions = actions;
    }

    /** @param state {@code active} or {@code error}, as the schema admits */
    public void reset(RequestContext caller, String id, String state) {
        ServerEntity found = lookup.visible(caller, id, ServerPolicy.RESET_STATE);
        policy.authorize(ServerPolicy.RESET_STATE, caller, found.projectId);
        VmState to = state.equals("error") ? VmState.ERROR : VmState.ACTIVE;
        QuarkusTransaction.requiringNew().run(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            LOG.infof("server %s: state reset by %s from %s/%s to %s", s.uuid, caller.userId(), s.vmState.value(),
                    s.taskState == null ? "-" : s.taskState.value(), to.value());
            if (s.taskState != null) {
                migrations.taskAbandoned(s.uuid, s.taskState);
            }
            s.vmState = to;
            s.taskState = null;
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "resetState");
        });
    }
}

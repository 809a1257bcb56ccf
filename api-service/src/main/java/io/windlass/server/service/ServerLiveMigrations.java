package io.windlass.server.service;

import io.windlass.api.error.ConflictException;
import io.windlass.context.RequestContext;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Nova's {@code live_migrate_force_complete} and {@code live_migrate_abort}: both need the server
 * {@code migrating}, which no Windlass server ever is (there is no live migration), so each ends
 * in Nova's 409 once the server is found and the caller allowed, before any migration is looked
 * up; a locked server is refused first, in each method's words.
 */
@ApplicationScoped
public class ServerLiveMigrations {
    private final ServerLookup lookup;

    public ServerLiveMigrations(ServerLookup lookup) {
        this.lookup = lookup;
    }

    /** {@code @check_instance_lock}, {@code @check_instance_state(vm_state=[ACTIVE], task_state=[MIGRATING])}. */
    public void forceComplete(RequestContext caller, String id) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.MIGRATIONS_FORCE_COMPLETE);
        ServerLocks.requireUnlocked(server, caller);
        if (server.vmState != VmState.ACTIVE) {
            throw ServerActionRules.invalidState(server, "force_complete", "vm_state", server.vmState.value());
        }
        throw notMigrating(server, "force_complete");
    }

    /**
     * {@code @check_instance_lock}, {@code @check_instance_state(task_state=[MIGRATING])}; Nova's
     * handler answers InstanceIsLocked as any invalid state (it has no state to name).
     */
    public void abort(RequestContext caller, String id) {
        ServerEntity server = lookup.authorized(caller, id, ServerPolicy.MIGRATIONS_DELETE);
        String method = "abort live migration";
        if (server.locked && !caller.isAdmin()) {
            throw unnamedState(server, method);
        }
        throw notMigrating(server, method);
    }

    /** Nova's message names the task state, unless there is none ({@code raise_http_conflict_for_instance_invalid_state}). */
    private static ConflictException notMigrating(ServerEntity server, String method) {
        ServerTaskState task = server.taskState;
        return task == null ? unnamedState(server, method)
                : ServerActionRules.invalidState(server, method, "task_state", task.value());
    }

    private static ConflictException unnamedState(ServerEntity server, String method) {
        return new ConflictException("InstanceInvalidState", "Instance " + server.uuid
                + " is in an invalid state for '" + method + "'");
    }
}

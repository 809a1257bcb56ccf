package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * How the api-service accepts a server action the conductor then carries out: under the row lock,
 * Nova's lock and state checks ({@code @check_instance_lock}, {@code @check_instance_state}), then
 * the task state, the instance action and the cast in one transaction, so none of them exists
 * without the others. Conductors capped below the cast's version make it Nova's 409
 * {@code UnsupportedRPCVersion}, with nothing written.
 */
@ApplicationScoped
public class ServerActionAcceptance {
    private final ServerRepository repository;
    private final ActionLog actions;

    public ServerActionAcceptance(ServerRepository repository, ActionLog actions) {
        this.repository = repository;
        this.actions = actions;
    }

    /**
     * @param found  the server as the caller's lookup found it
     * @param method Nova's method name: the action's name and the 409's words
     * @param from   whether the action may start from a vm_state
     * @param cast   what else the transaction writes and the cast it records, given the locked row
     */
    public void accept(RequestContext caller, String id, ServerEntity found, String method, Predicate<VmState> from,
                       ServerTaskState task, BiConsumer<ServerEntity, ServerRef> cast) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
                ServerLocks.requireUnlocked(s, caller);
                ServerActionRules.require(s, method, from);
                s.taskState = task;
                actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, method);
                cast.accept(s, new ServerRef(s.uuid.toString()));
            });
        } catch (RpcVersionCapExceeded e) {
            // Nova's UnsupportedRPCVersion: the conductors still run a release without the action
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
    }
}

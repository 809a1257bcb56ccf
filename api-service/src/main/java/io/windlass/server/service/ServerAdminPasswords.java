package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.ServerTaskState;
import io.windlass.server.SetAdminPassword;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Nova's {@code changePassword} ({@code admin_password.py}, {@code compute/api.py set_admin_password}):
 * an active, idle, unlocked server shows task_state {@code updating_password} and the action is
 * logged; its host sets root's password in the guest while the caller waits (compute
 * {@code set_admin_password}, a call, as Nova's); whatever the outcome the task state is cleared
 * and the action finished. The guest's refusal is Nova's 409 InstancePasswordSetFailed. The
 * password is kept nowhere and logged never.
 */
@ApplicationScoped
public class ServerAdminPasswords {
    private static final Logger LOG = Logger.getLogger(ServerAdminPasswords.class);
    /** Nova's instance action and the method its 409s name. */
    static final String METHOD = "changePassword";

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ComputeRpcApi compute;
    private final ActionLog actions;

    public ServerAdminPasswords(ServerRepository repository, ServerLookup lookup, ComputeRpcApi compute,
                                ActionLog actions) {
        this.repository = repository;
        this.lookup = lookup;
        this.compute = compute;
        this.actions = actions;
    }

    public void change(RequestContext caller, String id, String password) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.ADMIN_PASSWORD);
        String host = start(caller, id, found.uuid);
        boolean failed = true;
        try {
            compute.setAdminPassword(host, caller, new SetAdminPassword(found.uuid.toString(), password));
            failed = false;
            LOG.infof("server %s: admin password set", found.uuid);
        } catch (RpcException e) {
            throw failure(e, found.uuid, host);
        } finally {
            finish(caller, found.uuid, failed);
        }
    }

    /** Under the row lock: Nova's lock and state checks, the task state and the action; the host to ask. */
    private String start(RequestContext caller, String id, UUID uuid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = repository.lockLive(uuid).orElseThrow(() -> ServerLookup.notFound(id));
            if (s.locked && !caller.isAdmin()) {
                // Nova's handler answers InstanceIsLocked as an invalid state without a state to name
                throw new ConflictException("InstanceInvalidState", "Instance " + id
                        + " is in an invalid state for '" + METHOD + "'");
            }
            ServerActionRules.require(s, METHOD, VmState.ACTIVE::equals);
            s.taskState = ServerTaskState.UPDATING_PASSWORD;
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, METHOD);
            return s.host;
        });
    }

    /** In every outcome, as Nova's compute manager: the task state cleared, the action finished. */
    private void finish(RequestContext caller, UUID uuid, boolean failed) {
        QuarkusTransaction.requiringNew().run(() -> {
            repository.lockLive(uuid).filter(s -> s.taskState == ServerTaskState.UPDATING_PASSWORD)
                    .ifPresent(s -> s.taskState = null);
            actions.finished(uuid, caller.requestId(), failed);
        });
    }

    /**
     * Nova's InstancePasswordSetFailed with the guest's reason; any other failure of the host in
     * Nova's generic words (it hides what happened from the caller). A host that does not answer
     * is a 500 in Nova (MessagingTimeout); here the same 409, naming it, for this API answers no 5xx.
     */
    private static ConflictException failure(RpcException e, UUID uuid, String host) {
        if (e instanceof RpcVersionCapExceeded) {
            return new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
        String reason;
        if (e instanceof RemoteException remote && ComputeRpcApi.PASSWORD_SET_FAILED.equals(remote.type())) {
            reason = remote.getMessage();
        } else if (e instanceof RemoteException remote) {
            LOG.warnf("server %s: set_admin_password on %s failed: %s: %s", uuid, host, remote.type(),
                    remote.getMessage());
            reason = "error setting admin password";
        } else {
            LOG.warnf("server %s: set_admin_password on %s not answered: %s", uuid, host, e.getMessage());
            reason = "compute host " + host + " did not answer";
        }
        return new ConflictException("InstancePasswordSetFailed", "Failed to set admin password on " + uuid
                + " because " + reason);
    }
}

package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.context.RequestContext;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Nova's {@code lock} and {@code unlock} actions ({@code lock_server.py}, {@code compute/api.py}):
 * a row change in the api-service, nothing for the host. A locked server refuses actions, interface
 * changes and its delete to everyone but admins ({@link #requireUnlocked}); who locked it is kept,
 * so that an owner cannot lift an admin's lock without {@code unlock_override}.
 */
@ApplicationScoped
public class ServerLocks {
    private static final Logger LOG = Logger.getLogger(ServerLocks.class);
    static final String OWNER = "owner";
    static final String ADMIN = "admin";

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ServerPolicy policy;
    private final ActionLog actions;

    public ServerLocks(ServerRepository repository, ServerLookup lookup, ServerPolicy policy, ActionLog actions) {
        this.actions = actions;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
    }

    /** @param reason the {@code locked_reason} (2.73+), or null */
    public void lock(RequestContext caller, String id, String reason) {
        ServerEntity found = lookup.visible(caller, id, ServerPolicy.LOCK);
        policy.authorize(ServerPolicy.LOCK, caller, found.projectId);
        String by = lockedBy(caller, found);
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            if (s.locked && OWNER.equals(by)) {
                // Nova: the owner locking again changes nothing; an admin's lock takes over
                return false;
            }
            s.locked = true;
            s.lockedBy = by;
            if (reason != null) {
                s.lockedReason = reason;
            }
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "lock");
            return true;
        });
        LOG.infof(changed ? "server %s: locked by %s" : "server %s: already locked (%s asked again)", found.uuid, by);
    }

    public void unlock(RequestContext caller, String id) {
        ServerEntity found = lookup.visible(caller, id, ServerPolicy.UNLOCK);
        policy.authorize(ServerPolicy.UNLOCK, caller, found.projectId);
        if (found.lockedBy != null && !found.lockedBy.equals(lockedBy(caller, found))) {
            // an owner lifting an admin's lock, or an admin of another project an owner's
            policy.authorize(ServerPolicy.UNLOCK_OVERRIDE, caller, found.projectId);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            s.locked = false;
            s.lockedBy = null;
            s.lockedReason = null;
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "unlock");
        });
        LOG.infof("server %s: unlocked", found.uuid);
    }

    /** Nova's check_instance_lock: a locked server refuses everyone but admins. */
    public static void requireUnlocked(ServerEntity s, RequestContext caller) {
        if (s.locked && !caller.isAdmin()) {
            throw new ConflictException("InstanceIsLocked", "Instance " + s.uuid + " is locked");
        }
    }

    /** Nova's locked_by: the server's own project locks as owner, anyone else as admin. */
    private static String lockedBy(RequestContext caller, ServerEntity server) {
        return server.projectId.equals(caller.projectId()) ? OWNER : ADMIN;
    }
}

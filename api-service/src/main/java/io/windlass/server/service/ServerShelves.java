package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.image.CommitWorkload;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.service.MadeImages;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Nova's shelve, shelveOffload and unshelve behind the API ({@code compute/api.py}). A shelve writes
 * the shelved image's row ({@code <name>-shelved}, {@code saving}) and names it in the server's row;
 * the conductor has the host power the server off, commit it to that image and, as Nova's default
 * {@code shelved_offload_time} of 0 does, remove it and release its claim. An unshelve powers a
 * shelved server on, or schedules an offloaded one anew: on any host once the shelved image is in the
 * image store, else on the host that holds it.
 */
@ApplicationScoped
public class ServerShelves {
    private static final Logger LOG = Logger.getLogger(ServerShelves.class);
    /** {@code @check_instance_state(vm_state=[ACTIVE, STOPPED, PAUSED, SUSPENDED])} on shelve. */
    private static final Set<VmState> SHELVABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED,
            VmState.SUSPENDED);
    private static final Set<VmState> SHELVED = EnumSet.of(VmState.SHELVED, VmState.SHELVED_OFFLOADED);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ServerPolicy policy;
    private final MadeImages images;
    private final ConductorRpcApi conductor;
    private final ActionLog actions;
    private final ComputeHostRepository hosts;

    public ServerShelves(ServerRepository repository, ServerLookup lookup, ServerPolicy policy, MadeImages images,
                         ConductorRpcApi conductor, ActionLog actions, ComputeHostRepository hosts) {
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.images = images;
        this.conductor = conductor;
        this.actions = actions;
        this.hosts = hosts;
    }

    /** {@code shelve}: the image row and the task state, and the conductor's {@code shelve_server}, together. */
    public void shelve(RequestContext caller, String id) {
        ServerEntity found = authorized(caller, id, ServerPolicy.SHELVE);
        cast(() -> {
            ServerEntity s = lockedUnlocked(caller, found, id);
            ServerActionRules.require(s, "shelve", SHELVABLE::contains);
            ImageEntity image = images.saving(new MadeImages.Plan(CommitWorkload.SERVER, s.uuid, s.projectId,
                    s.name + "-shelved", null, Map.of("instance_uuid", s.uuid.toString(), "user_id",
                    caller.userId(), "image_type", "snapshot", "base_image_ref", s.imageRef == null ? "" : s.imageRef),
                    s.rootGb));
            s.shelvedImageId = image.id;
            s.shelvedImage = image.reference;
            s.taskState = ServerTaskState.SHELVING;
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "shelve");
            conductor.shelveServer(caller, new ServerRef(s.uuid.toString()));
        });
        LOG.infof("server %s: shelve requested", found.uuid);
    }

    /** {@code shelveOffload}: a shelved server leaves its host (admins only, as Nova's policy has it). */
    public void offload(RequestContext caller, String id) {
        ServerEntity found = authorized(caller, id, ServerPolicy.SHELVE_OFFLOAD);
        cast(() -> {
            ServerEntity s = lockedUnlocked(caller, found, id);
            ServerActionRules.require(s, "shelveOffload", VmState.SHELVED::equals);
            s.taskState = ServerTaskState.SHELVING_OFFLOADING;
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "shelveOffload");
            conductor.shelveServer(caller, new ServerRef(s.uuid.toString()));
        });
        LOG.infof("server %s: shelve offload requested", found.uuid);
    }

    /**
     * {@code unshelve}: from 2.77 an offloaded server may be given a zone, from 2.91 (admins) a host;
     * a server still shelved on its host takes neither (Nova's UnshelveInstanceInvalidState).
     */
    public void unshelve(RequestContext caller, String id, ServerActionRequest.Unshelve request) {
        ServerEntity found = authorized(caller, id, ServerPolicy.UNSHELVE);
        if (request.host() != null) {
            policy.authorize(ServerPolicy.UNSHELVE_TO_HOST, caller, found.projectId);
            if (!hosts.exists(request.host())) {
                throw InvalidInputException.badRequest("Compute host " + request.host() + " could not be found.");
            }
        }
        cast(() -> {
            ServerEntity s = lockedUnlocked(caller, found, id);
            if (s.taskState != null || !SHELVED.contains(s.vmState)) {
                throw ServerActionRules.invalidState(s, "unshelve", s.taskState != null ? "task_state" : "vm_state",
                        s.taskState != null ? s.taskState.value() : s.vmState.value());
            }
            if (s.vmState == VmState.SHELVED && (request.zoneGiven() || request.host() != null)) {
                throw new ConflictException("UnshelveInstanceInvalidState", "Specifying an availability zone or a "
                        + "host when unshelving server " + s.uuid + " with status SHELVED is not supported. The "
                        + "server status must be SHELVED_OFFLOADED.");
            }
            if (s.vmState == VmState.SHELVED_OFFLOADED) {
                place(s, request);
            }
            s.taskState = ServerTaskState.UNSHELVING;
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "unshelve");
            conductor.unshelveServer(caller, new ServerRef(s.uuid.toString()));
        });
        LOG.infof("server %s: unshelve requested", found.uuid);
    }

    /**
     * Where an offloaded server may come back: anywhere (or on the host asked for) once its host has
     * pushed the shelved image into the image store; until then it is on that one host only (the
     * engine committed it there), so the scheduler is asked for that host. A zone asked for (or
     * unpinned with null from 2.91) is the scheduler's to check against it.
     */
    private void place(ServerEntity s, ServerActionRequest.Unshelve request) {
        ImageEntity image = images.find(s.shelvedImageId).orElse(null);
        if (image != null && image.stored()) {
            // in the image store: any host can load it, as Nova's unshelve reads Glance
            s.requestedHost = request.host();
            if (request.zoneGiven()) {
                s.requestedZone = request.availabilityZone();
            }
            return;
        }
        if (image == null || image.host == null) {
            throw new ConflictException("InstanceInvalidState", "Cannot 'unshelve' instance " + s.uuid
                    + ": its shelved image is gone");
        }
        if (request.host() != null && !request.host().equals(image.host)) {
            throw new ConflictException("InstanceInvalidState", "Cannot 'unshelve' instance " + s.uuid + " to host "
                    + request.host() + ": its shelved image is on host " + image.host + " only");
        }
        s.requestedHost = image.host;
        if (request.zoneGiven()) {
            s.requestedZone = request.availabilityZone();
        }
    }

    private ServerEntity authorized(RequestContext caller, String id, String rule) {
        ServerEntity found = lookup.visible(caller, id, rule);
        policy.authorize(rule, caller, found.projectId);
        return found;
    }

    private ServerEntity lockedUnlocked(RequestContext caller, ServerEntity found, String id) {
        ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
        ServerLocks.requireUnlocked(s, caller);
        return s;
    }

    private static void cast(Runnable accept) {
        try {
            QuarkusTransaction.requiringNew().run(accept);
        } catch (RpcVersionCapExceeded e) {
            // Nova's UnsupportedRPCVersion: the conductors still run a release without shelving
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
    }
}

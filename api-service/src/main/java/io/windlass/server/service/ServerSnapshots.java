package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.CommitWorkload;
import io.windlass.image.ImageRef;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.service.MadeImages;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Nova's createImage and createBackup ({@code compute/api.py snapshot, backup}): the image row is
 * written {@code saving} and the server put in its task state in the transaction that accepts the
 * request; the conductor has the server's host commit its engine container to the image's
 * reference, then makes the image active and ends the task (and rotates a server's backups). The
 * image can then boot servers on the host that holds it.
 */
@ApplicationScoped
public class ServerSnapshots {
    private static final Logger LOG = Logger.getLogger(ServerSnapshots.class);
    /** {@code @check_instance_state(vm_state=[ACTIVE, STOPPED, PAUSED, SUSPENDED])} on snapshot and backup. */
    private static final Set<VmState> SNAPSHOTTABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED,
            VmState.SUSPENDED);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final MadeImages images;
    private final ConductorRpcApi conductor;
    private final ActionLog actions;
    private final QuotaEnforcer quotas;

    public ServerSnapshots(ServerRepository repository, ServerLookup lookup, MadeImages images,
                           ConductorRpcApi conductor, ActionLog actions, QuotaEnforcer quotas) {
        this.repository = repository;
        this.lookup = lookup;
        this.images = images;
        this.conductor = conductor;
        this.actions = actions;
        this.quotas = quotas;
    }

    /** @return the new image's id */
    public UUID snapshot(RequestContext caller, String id, ServerActionRequest.CreateImage r) {
        boolean backup = r.backupType() != null;
        String method = backup ? "createBackup" : "createImage";
        ServerEntity found = lookup.authorized(caller, id, backup ? ServerPolicy.CREATE_BACKUP : ServerPolicy.CREATE_IMAGE);
        if (r.metadataQuota()) {
            // the caller's project, as Nova's limit_check reads its context
            quotas.checkImageMetadata(caller.projectId(), r.metadata().size());
        }
        UUID image;
        try {
            image = QuarkusTransaction.requiringNew().call(() -> {
                ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
                ServerActionRules.require(s, method, SNAPSHOTTABLE::contains);
                ImageEntity made = images.saving(new MadeImages.Plan(CommitWorkload.SERVER, s.uuid, s.projectId,
                        r.name(), null, properties(caller, s, r), s.rootGb));
                s.taskState = backup ? ServerTaskState.IMAGE_BACKUP : ServerTaskState.IMAGE_SNAPSHOT_PENDING;
                actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, method);
                conductor.snapshotWorkload(caller, new ImageRef(made.id.toString(), backup ? r.rotation() : null));
                return made.id;
            });
        } catch (RpcVersionCapExceeded e) {
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
        LOG.infof("server %s: %s %s requested as image %s", found.uuid, method, r.name(), image);
        return image;
    }

    /** Nova's {@code compute_utils.create_image} properties, then the request's metadata over them. */
    private static Map<String, String> properties(RequestContext caller, ServerEntity s,
                                                  ServerActionRequest.CreateImage r) {
        Map<String, String> properties = new HashMap<>();
        properties.put("instance_uuid", s.uuid.toString());
        properties.put("user_id", caller.userId());
        properties.put("image_type", r.backupType() != null ? "backup" : "snapshot");
        properties.put("base_image_ref", s.imageRef == null ? "" : s.imageRef);
        if (r.backupType() != null) {
            properties.put("backup_type", r.backupType());
        }
        properties.putAll(r.metadata());
        return properties;
    }
}

package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.keypair.persistence.KeyPairRecord;
import io.windlass.keypair.service.KeyPairService;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * Nova's rebuild ({@code compute/api.py rebuild}): the server made again from a new image on its
 * host, keeping its uuid, host, ports and addresses; what the request names (name, metadata,
 * description, access addresses, key, user data, personality, hostname) replaces the server's
 * first, so the host builds the config drive from the new values. {@code preserve_ephemeral} is
 * accepted and means nothing (no ephemeral disks).
 */
@ApplicationScoped
public class ServerRebuilds {
    private static final Logger LOG = Logger.getLogger(ServerRebuilds.class);
    /** {@code @check_instance_state(vm_state=[ACTIVE, STOPPED, ERROR])} on Nova's rebuild. */
    private static final Set<VmState> REBUILDABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ImageCatalog images;
    private final KeyPairService keyPairs;
    private final QuotaEnforcer quotas;
    private final ConductorRpcApi conductor;
    private final ActionLog actions;

    public ServerRebuilds(ServerRepository repository, ServerLookup lookup, ImageCatalog images,
                          KeyPairService keyPairs, QuotaEnforcer quotas, ConductorRpcApi conductor, ActionLog actions) {
        this.repository = repository;
        this.lookup = lookup;
        this.images = images;
        this.keyPairs = keyPairs;
        this.quotas = quotas;
        this.conductor = conductor;
        this.actions = actions;
    }

    /**
     * @param server    the server as it is once the rebuild is accepted
     * @param adminPass the password given, or the one generated
     */
    public record Rebuilt(ServerEntity server, String adminPass) {
    }

    public Rebuilt rebuild(RequestContext caller, String id, RebuildRequest r) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.REBUILD);
        CatalogImage image = images.find(caller, r.imageRef())
                .orElseThrow(() -> InvalidInputException.badRequest("Cannot find image for rebuild"));
        ImageCatalog.requireActive(image);
        ImageCatalog.requireRunnable(image);
        KeyPairRecord key = r.keyName() == null || r.keyName().value() == null ? null
                : keyPairs.forBoot(caller, r.keyName().value());
        if (r.metadata() != null || r.files() != null) {
            QuarkusTransaction.requiringNew().run(() -> quotas.checkServerContents(found.projectId,
                    r.metadata() == null ? 0 : r.metadata().size(), r.files() == null ? List.of() : r.files()));
        }
        ServerEntity rebuilt;
        try {
            rebuilt = QuarkusTransaction.requiringNew().call(() -> {
                ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
                ServerLocks.requireUnlocked(s, caller);
                ServerActionRules.require(s, "rebuild", REBUILDABLE::contains);
                ImageCatalog.requireFits(image, s.memoryMb, s.rootGb);
                apply(s, r, image, key);
                s.taskState = ServerTaskState.REBUILDING;
                actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "rebuild");
                conductor.rebuildServer(caller, new ServerRef(s.uuid.toString()));
                return s;
            });
        } catch (RpcVersionCapExceeded e) {
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
        LOG.infof("server %s: rebuild from %s requested", found.uuid, image.reference());
        return new Rebuilt(rebuilt, r.adminPass() != null ? r.adminPass() : ServerNames.adminPassword());
    }

    private static void apply(ServerEntity s, RebuildRequest r, CatalogImage image, KeyPairRecord key) {
        s.imageRef = image.id();
        s.image = image.reference();
        s.imageProperties = new HashMap<>(image.standardProperties());
        if (r.name() != null) {
            s.name = r.name();
        }
        if (r.metadata() != null) {
            s.metadata = new HashMap<>(r.metadata());
        }
        if (r.diskConfig() != null) {
            s.diskConfig = r.diskConfig();
        }
        if (r.accessIpV4() != null) {
            s.accessIpV4 = r.accessIpV4().value();
        }
        if (r.accessIpV6() != null) {
            s.accessIpV6 = ServerService.canonical(r.accessIpV6().value());
        }
        if (r.files() != null) {
            s.files = new ArrayList<>(r.files());
        }
        if (r.description() != null) {
            s.description = r.description().value();
        }
        if (r.keyName() != null) {
            s.keyName = key == null ? null : key.name();
            s.keyData = key == null ? null : key.publicKey();
            s.keyType = key == null ? null : key.type();
        }
        if (r.userData() != null) {
            s.userData = r.userData().value();
        }
        if (r.hostname() != null) {
            s.hostname = r.hostname();
        }
    }
}

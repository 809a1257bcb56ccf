package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.keypair.persistence.KeyPairRecord;
import io.windlass.keypair.service.KeyPairService;
import io.windlass.flavor.service.FlavorLookup;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.image.persistence.ImageEntity;
import io.windlass.image.service.MadeImages;
import io.windlass.network.WorkloadPort;
import io.windlass.port.workload.WorkloadNetworkException;
import io.windlass.port.workload.WorkloadPorts;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import io.windlass.quota.ReservationQueue;
import io.windlass.server.ServerAction;
import io.windlass.subnet.service.IpAddress;
import io.windlass.server.PowerState;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.servergroup.persistence.ServerGroupRecord;
import io.windlass.servergroup.service.ServerGroupService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The server use cases behind the API: check policy, state and quota, write the rows, then
 * hand the work to the conductor. Casts go out only after the rows committed, so the
 * conductor never gets a message about a row it cannot read yet; a cast that cannot be sent
 * undoes the change and answers 503.
 */
@ApplicationScoped
public class ServerService {
    /** Nova's: uuids only, the one network there is when none is named, ports must hold an address. */
    static final WorkloadPorts.Rules PORT_RULES = new WorkloadPorts.Rules(false,
            WorkloadPorts.DefaultNetwork.ONLY, true, "compute:nova");
    /** A create before 2.37 whose {@code networks} is absent, or a list (then nothing is chosen). */
    private static final WorkloadPorts.Rules NAMES_NO_NETWORK = new WorkloadPorts.Rules(false,
            WorkloadPorts.DefaultNetwork.ONLY_OR_NONE, true, "compute:nova");
    private static final Logger LOG = Logger.getLogger(ServerService.class);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ServerPolicy policy;
    private final FlavorLookup flavors;
    private final ImageCatalog images;
    private final QuotaEnforcer quotas;
    private final ReservationQueue reservations;
    private final ConductorRpcApi conductor;
    private final ComputeHostRepository hosts;
    private final MadeImages madeImages;
    private final WorkloadPorts ports;
    private final KeyPairService keyPairs;
    private final ActionLog actions;
    private final ServerActionAcceptance acceptance;
    private final ServerGroupService serverGroups;

    public ServerService(ServerRepository repository, ServerLookup lookup, ServerPolicy policy,
                         FlavorLookup flavors, ImageCatalog images, QuotaEnforcer quotas,
                         ReservationQueue reservations, ConductorRpcApi conductor, ComputeHostRepository hosts,
                         WorkloadPorts ports, KeyPairService keyPairs, ActionLog actions,
                         ServerGroupService serverGroups, MadeImages madeImages, ServerActionAcceptance acceptance) {
        this.madeImages = madeImages;
        this.acceptance = acceptance;
        this.ports = ports;
        this.actions = actions;
        this.serverGroups = serverGroups;
        this.keyPairs = keyPairs;
        this.reservations = reservations;
        this.hosts = hosts;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.flavors = flavors;
        this.images = images;
        this.quotas = quotas;
        this.conductor = conductor;
    }

    public CreatedServers create(RequestContext caller, ServerCreateRequest request) {
        String project = caller.projectId();
        policy.authorize(ServerPolicy.CREATE, caller, project);
        if (request.forcedHost() != null) {
            policy.authorize(ServerPolicy.CREATE_FORCED_HOST, caller, project);
        }
        if (request.hostNamed() && !hosts.exists(request.forcedHost())) {
            throw InvalidInputException.badRequest("Compute host " + request.forcedHost() + " could not be found.");
        }
        FlavorRecord flavor = bootableFlavor(caller, request.flavorRef());
        CatalogImage image = images.find(caller, request.imageRef())
                .orElseThrow(() -> InvalidInputException.badRequest("Can not find requested image"));
        ImageCatalog.requireActive(image);
        ImageCatalog.requireFits(image, flavor.memoryMb(), flavor.rootGb());
        ImageCatalog.requireRunnable(image);
        KeyPairRecord key = request.keyName() == null ? null : keyPairs.forBoot(caller, request.keyName());
        Optional<ServerGroupRecord> group = serverGroups.forBoot(caller, request.schedulerHints());
        // as many as quota allows between min_count and max_count, as Nova does: start from what
        // the usage says fits, then let the atomic reservation decide (a concurrent create may
        // have taken some since). The limits are read in one transaction, one round trip fewer.
        int fits = QuarkusTransaction.requiringNew().call(() -> {
            quotas.checkServerContents(project, request.metadata().size(), request.files());
            return headroom(project, flavor);
        });
        String reservationId = ServerNames.reservationId();
        String adminPass = request.adminPass() != null ? request.adminPass() : ServerNames.adminPassword();
        List<ServerEntity> created = null;
        for (int count = Math.max(request.minCount(), Math.min(request.maxCount(), fits)); created == null; count--) {
            int n = count;
            List<ServerEntity> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(newRow(caller, request, flavor, image, key, reservationId, i, n));
            }
            try {
                reservations.run(project, () -> {
                    rows.forEach(row -> row.nics = nics(row, request));
                    rows.forEach(repository::persist);
                    rows.forEach(row -> actions.record(caller, ActionLog.SERVER, row.uuid, project, "create"));
                    // in the servers' own transaction: a membership refused (server_group_members) undoes the create
                    group.ifPresent(g -> serverGroups.join(caller, g, rows.stream().map(row -> row.uuid).toList()));
                    // recorded with the rows (RpcOutbox): all commit, or none
                    rows.forEach(server -> conductor.buildServer(caller, new ServerRef(server.uuid.toString())));
                }, () -> reserve(project, flavor, n), () -> repository.findAny(rows.getFirst().uuid).isPresent());
                created = rows;
            } catch (OverServerQuota e) {
                if (count <= request.minCount()) {
                    throw e.toApi(project, quotas, flavor, request.minCount());
                }
            }
        }
        LOG.infof("%d server(s) accepted (reservation %s, flavor %s, image %s): %s", created.size(), reservationId,
                flavor.name(), image.reference(), created.stream().map(s -> s.uuid.toString()).toList());
        return new CreatedServers(created, reservationId, adminPass);
    }

    /** The server's ports, bound or made in the create's transaction (Nova's networks rules); none with "none". */
    private List<WorkloadPort> nics(ServerEntity server, ServerCreateRequest request) {
        if ("none".equals(request.network())) {
            return List.of();
        }
        try {
            return ports.allocate(server.projectId, server.uuid.toString(), request.nets(),
                    request.network() == null ? NAMES_NO_NETWORK : PORT_RULES);
        } catch (WorkloadNetworkException e) {
            LOG.infof("server %s refused: %s: %s", server.uuid, e.reason(), e.getMessage());
            throw NovaNetworkErrors.of(e, server.uuid.toString());
        }
    }

    public List<ServerEntity> list(ServerQuery query) {
        if (query.marker() != null && repository.findAny(query.marker()).isEmpty()) {
            throw new InvalidInputException("MarkerNotFound", "marker [" + query.marker() + "] not found");
        }
        return repository.list(query);
    }

    public ServerEntity show(RequestContext caller, String id) {
        ServerEntity server = lookup.visible(caller, id, ServerPolicy.SHOW);
        policy.authorize(ServerPolicy.SHOW, caller, server.projectId);
        return server;
    }

    public ServerEntity update(RequestContext caller, String id, ServerUpdate update) {
        ServerEntity found = lookup.visible(caller, id, ServerPolicy.UPDATE);
        policy.authorize(ServerPolicy.UPDATE, caller, found.projectId);
        return QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            if (update.name() != null) {
                s.name = update.name();
            }
            if (update.hasDescription()) {
                s.description = update.description();
            }
            if (update.hasAccessIpV4()) {
                s.accessIpV4 = update.accessIpV4();
            }
            if (update.hasAccessIpV6()) {
                s.accessIpV6 = canonical(update.accessIpV6());
            }
            if (update.diskConfig() != null) {
                s.diskConfig = update.diskConfig();
            }
            if (update.hostname() != null) {
                s.hostname = update.hostname();
            }
            return s;
        });
    }

    /** A server action ({@link ServerAction}): record the task state, then ask the conductor. */
    public void act(RequestContext caller, String id, ServerAction action) {
        String rule = ServerPolicy.ACTIONS.get(action);
        ServerEntity found = lookup.visible(caller, id, rule);
        policy.authorize(rule, caller, found.projectId);
        acceptance.accept(caller, id, found, action.method(), action::allowedFrom, action.taskState(), (s, ref) -> {
                    switch (action) {
                        // methods of their own, which an older conductor refuses to be sent (a cap below 1.6)
                        case SUSPEND -> conductor.suspendServer(caller, ref);
                        case RESUME -> conductor.resumeServer(caller, ref);
                        default -> conductor.serverAction(caller, new ServerOperation(ref.uuid(), action));
                    }
                });
        LOG.infof("server %s: %s requested", found.uuid, action);
    }

    /**
     * A server that never reached a host is deleted here and now; any other is marked
     * deleting and destroyed by its host, after which the conductor soft-deletes the row.
     */
    public void delete(RequestContext caller, String id) {
        ServerEntity found = lookup.visible(caller, id, ServerPolicy.DELETE);
        policy.authorize(ServerPolicy.DELETE, caller, found.projectId);
        List<ImageEntity> shelvedImage = new ArrayList<>();
        boolean deletedHere = QuarkusTransaction.requiringNew().call(() -> {
            ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
            ServerLocks.requireUnlocked(s, caller);
            actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "delete");
            if (s.shelvedImageId != null) {
                // a shelved server's image goes with it, as Nova's delete takes it
                Optional.ofNullable(madeImages.discard(s.shelvedImageId)).ifPresent(shelvedImage::add);
            }
            if (s.host == null) {
                ports.release(s.nics);
                Instant now = ServerEntity.now();
                s.vmState = VmState.DELETED;
                s.taskState = null;
                s.deletedAt = now;
                s.terminatedAt = now;
                return true;
            }
            s.taskState = ServerTaskState.DELETING;
            conductor.deleteServer(caller, new ServerRef(found.uuid.toString()));
            return false;
        });
        LOG.infof(deletedHere ? "server %s had no host; deleted" : "server %s: delete requested", found.uuid);
        shelvedImage.forEach(image -> madeImages.removeFromHost(caller, image));
    }

    private FlavorRecord bootableFlavor(RequestContext caller, String flavorRef) {
        // findForBoot also refuses disabled flavors, as Nova does
        return flavors.findForBoot(flavorRef, caller)
                .orElseThrow(() -> InvalidInputException.badRequest("Invalid flavorRef provided."));
    }

    /** How many servers of the flavor the project's quotas still fit (Integer.MAX_VALUE when unlimited). */
    private int headroom(String project, FlavorRecord flavor) {
        Map<QuotaResource, Double> perServer = Map.of(QuotaResource.INSTANCES, 1.0,
                QuotaResource.CORES, (double) flavor.vcpus(), QuotaResource.RAM, (double) flavor.memoryMb());
        long fits = Integer.MAX_VALUE;
        for (Map.Entry<QuotaResource, Double> e : perServer.entrySet()) {
            long limit = quotas.limit(project, e.getKey());
            if (limit >= 0 && e.getValue() > 0) {
                fits = Math.min(fits, (long) Math.floor((limit - quotas.inUse(project, e.getKey())) / e.getValue()));
            }
        }
        return (int) Math.max(fits, 0);
    }

    private void reserve(String project, FlavorRecord flavor, int count) {
        Map<QuotaResource, Double> amounts = new LinkedHashMap<>();
        amounts.put(QuotaResource.INSTANCES, (double) count);
        amounts.put(QuotaResource.CORES, (double) flavor.vcpus() * count);
        amounts.put(QuotaResource.RAM, (double) flavor.memoryMb() * count);
        List<QuotaResource> exceeded = quotas.reserve(project, amounts);
        if (!exceeded.isEmpty()) {
            // rolls the transaction back, reservations that did fit included
            throw new OverServerQuota(exceeded.getFirst());
        }
    }

    private static ServerEntity newRow(RequestContext caller, ServerCreateRequest request, FlavorRecord flavor,
                                       CatalogImage image, KeyPairRecord key, String reservationId, int index,
                                       int count) {
        ServerEntity s = new ServerEntity();
        s.uuid = UUID.randomUUID();
        // multi-create: "-<n>" suffixes from 1, on display name and hostname alike
        s.name = count > 1 ? request.name() + "-" + (index + 1) : request.name();
        s.hostname = request.hostname() != null ? request.hostname() : ServerNames.hostname(s.name, s.uuid.toString());
        s.projectId = caller.projectId();
        s.userId = caller.userId();
        s.imageRef = image.id();
        s.image = image.reference();
        s.imageProperties = new HashMap<>(image.standardProperties());
        s.flavorId = flavor.flavorId();
        s.flavorName = flavor.name();
        s.vcpus = flavor.vcpus();
        s.memoryMb = flavor.memoryMb();
        s.rootGb = flavor.rootGb();
        s.ephemeralGb = flavor.ephemeralGb();
        s.swap = flavor.swapMb();
        s.flavorExtraSpecs = new HashMap<>(flavor.extraSpecs());
        s.metadata = new HashMap<>(request.metadata());
        s.tags = List.copyOf(new LinkedHashSet<>(request.tags()));
        s.userData = request.userData();
        s.files = new ArrayList<>(request.files());
        s.description = request.description();
        s.accessIpV4 = request.accessIpV4();
        s.accessIpV6 = canonical(request.accessIpV6());
        s.diskConfig = request.diskConfig();
        s.securityGroups = new ArrayList<>(request.securityGroups().isEmpty() ? List.of("default")
                : request.securityGroups());
        s.schedulerHints = new HashMap<>(request.schedulerHints());
        s.requestedZone = request.availabilityZone();
        s.requestedHost = ImageCatalog.placement(image, request.forcedHost());
        s.network = Objects.requireNonNullElse(request.network(), "auto");
        if (key != null) {
            s.keyName = key.name();
            s.keyData = key.publicKey();
            s.keyType = key.type();
        }
        s.adminPasswordSet = true;
        s.reservationId = reservationId;
        s.launchIndex = index;
        s.vmState = VmState.BUILDING;
        s.taskState = ServerTaskState.SCHEDULING;
        s.powerState = PowerState.NOSTATE;
        return s;
    }

    /** Quota did not fit; turned into Nova's 403 once no smaller count is allowed. */
    private static final class OverServerQuota extends RuntimeException {
        private final QuotaResource resource;

        OverServerQuota(QuotaResource resource) {
            super(resource.key(), null, false, false);
            this.resource = resource;
        }

        ApiException toApi(String project, QuotaEnforcer quotas, FlavorRecord flavor, int minCount) {
            long limit = QuarkusTransaction.requiringNew().call(() -> quotas.limit(project, resource));
            double used = QuarkusTransaction.requiringNew().call(() -> quotas.inUse(project, resource));
            long requested = switch (resource) {
                case CORES -> (long) flavor.vcpus() * minCount;
                case RAM -> (long) flavor.memoryMb() * minCount;
                default -> minCount;
            };
            return new ApiException(403, "TooManyInstances", "Quota exceeded for " + resource.key() + ": Requested "
                    + requested + ", but already used " + (long) used + " of " + limit + " " + resource.key());
        }
    }

    /** Nova keeps an access IPv6 address in its canonical form (netaddr): {@code ::babe:dc0c:1602}. */
    static String canonical(String ipv6) {
        return ipv6 == null ? null : IpAddress.parse(ipv6).map(IpAddress::toString).orElse(ipv6);
    }
}

package io.windlass.container.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.api.error.RpcFailures;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerTransitions;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ImageRegistry;
import io.windlass.container.ResizeContainer;
import io.windlass.container.TaskState;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.persistence.ContainerPage;
import io.windlass.container.persistence.ContainerRepository;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.network.WorkloadPort;
import io.windlass.port.workload.WorkloadNetworkException;
import io.windlass.port.workload.WorkloadPorts;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.ReservationQueue;
import io.windlass.registry.persistence.RegistryRecord;
import io.windlass.registry.service.RegistryService;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The container use cases behind the API: check policy and state, write the row, then
 * hand the work to the conductor. Casts go out only after the row change has committed,
 * so the conductor never sees a message about a row it cannot read yet.
 */
@ApplicationScoped
public class ContainerService {
    private static final Logger LOG = Logger.getLogger(ContainerService.class);
    /** Zun's: names or uuids, the project's first network when none is named, ports owned by kuryr. */
    static final WorkloadPorts.Rules PORT_RULES = new WorkloadPorts.Rules(true,
            WorkloadPorts.DefaultNetwork.FIRST, false, "compute:kuryr");

    private final ContainerRepository repository;
    private final ContainerLookup lookup;
    private final ContainerPolicy policy;
    private final ContainerNameGenerator names;
    private final ConductorRpcApi conductor;
    private final ComputeRpcApi compute;
    private final QuotaEnforcer quotas;
    private final ReservationQueue reservations;
    private final WorkloadPorts ports;
    private final ComputeHostRepository hosts;
    private final ActionLog actions;
    private final ImageCatalog images;
    private final ContainerSecurityGroups securityGroups;
    private final ContainerVolumes volumes;
    private final RegistryService registries;

    public ContainerService(ContainerRepository repository, ContainerLookup lookup, ContainerPolicy policy,
                            ContainerNameGenerator names, ConductorRpcApi conductor, ComputeRpcApi compute,
                            QuotaEnforcer quotas, ReservationQueue reservations, WorkloadPorts ports,
                            ComputeHostRepository hosts, ActionLog actions, ImageCatalog images,
                            ContainerSecurityGroups securityGroups, ContainerVolumes volumes,
                            RegistryService registries) {
        this.registries = registries;
        this.actions = actions;
        this.images = images;
        this.volumes = volumes;
        this.securityGroups = securityGroups;
        this.hosts = hosts;
        this.quotas = quotas;
        this.ports = ports;
        this.reservations = reservations;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.names = names;
        this.conductor = conductor;
        this.compute = compute;
    }

    public ContainerEntity create(RequestContext caller, NewContainer request, boolean run) {
        policy.authorize(ContainerPolicy.CREATE, caller, caller.projectId());
        if (request.privileged()) {
            policy.authorize(ContainerPolicy.CREATE_PRIVILEGED, caller, caller.projectId());
        }
        if (request.imagePullPolicy() != null) {
            policy.authorize(ContainerPolicy.CREATE_IMAGE_PULL_POLICY, caller, caller.projectId());
        }
        if (request.runtime() != null) {
            policy.authorize(ContainerPolicy.CREATE_RUNTIME, caller, caller.projectId());
        }
        if (request.requestedHost() != null) {
            policy.authorize(ContainerPolicy.CREATE_REQUESTED_DESTINATION, caller, caller.projectId());
            if (!hosts.exists(request.requestedHost())) {
                throw new ResourceNotFoundException("ComputeHostNotFound", "Compute host "
                        + request.requestedHost() + " could not be found.");
            }
        }
        ContainerEntity container = newRow(caller, request);
        container.run = run;
        // a commit runs once it is made, on the host that made it
        CatalogImage made = images.findMade(caller, request.image()).orElse(null);
        if (made != null) {
            ImageCatalog.requireActive(made);
            ImageCatalog.requireRunnable(made);
        }
        container.requestedHost = ImageCatalog.placement(made, request.requestedHost());
        // asked of the hosts before the transaction: named volumes pin the container to the host that has them
        ContainerVolumes.Resolved mounts = volumes.resolve(caller, container.uuid, container.projectId,
                container.requestedHost, request.mounts());
        container.mounts = new ArrayList<>(mounts.mounts());
        container.requestedHost = mounts.host();
        reservations.run(container.projectId, () -> {
            // the schema lets through one of security_groups and exposed_ports, as Zun's
            container.securityGroups = container.exposedPorts.isEmpty()
                    ? securityGroups.resolve(container.projectId, request.securityGroups())
                    : List.of(securityGroups.expose(container.projectId, container.uuid, container.exposedPorts));
            if (request.registry() != null) {
                container.registryId = registry(caller, container.image, request.registry());
            }
            container.nics = nics(container, request);
            repository.persist(container);
            actions.record(caller, ActionLog.CONTAINER, container.uuid, container.projectId, "create");
            // recorded with the row (RpcOutbox): both commit, or neither
            conductor.buildContainer(caller, new BuildContainer(container.uuid.toString(), run));
        }, () -> quotas.reserveContainer(container.projectId, container.cpu, container.memory),
                () -> repository.findByUuid(container.uuid).isPresent());
        LOG.infof("container %s (%s) accepted, run=%s", container.uuid, container.name, run);
        return container;
    }

    /**
     * Zun's {@code registry}: the registry (uuid or name, the caller's own, any project's for admins, as Zun's
     * {@code get_registry}), held for share until the create commits so that it cannot be deleted under it. An image
     * naming another registry is refused: the login goes to its own registry only (Zun would send it along).
     */
    private UUID registry(RequestContext caller, String image, String ident) {
        RegistryRecord registry = registries.forContainer(caller, ident);
        if (!ImageRegistry.belongsTo(image, registry.domain())) {
            throw InvalidInputException.field("image", image, "The image names a registry other than registry "
                    + ident + " (" + registry.domain() + "), whose login goes to that registry only.");
        }
        return registry.uuid();
    }

    /**
     * The container's ports, bound or made in the create's transaction (Zun's nets rules); the ones made
     * for it are in its security groups (the project's default group when it names none).
     */
    private List<WorkloadPort> nics(ContainerEntity container, NewContainer request) {
        try {
            return ports.allocate(container.projectId, container.uuid.toString(), request.nets(), PORT_RULES,
                    container.securityGroups.isEmpty() ? null : container.securityGroups);
        } catch (WorkloadNetworkException e) {
            LOG.infof("container %s refused: %s: %s", container.uuid, e.reason(), e.getMessage());
            throw ZunNetworkErrors.of(e);
        }
    }

    public List<ContainerEntity> list(ContainerPage page) {
        return repository.page(page);
    }

    public ContainerEntity show(RequestContext caller, String ident, boolean allProjects) {
        ContainerEntity container = lookup.resolve(caller, ident, allProjects, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.GET_ONE, caller, container.projectId);
        return container;
    }

    /** name and auto_heal are plain row updates; cpu/memory are a synchronous live resize first. */
    public ContainerEntity update(RequestContext caller, String ident, ContainerPatch patch) {
        ContainerEntity found = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.UPDATE, caller, found.projectId);
        requireAllowed(found, ContainerAction.UPDATE);
        if (patch.resizes()) {
            try {
                conductor.resizeContainer(caller, new ResizeContainer(found.uuid.toString(), patch.cpu(),
                        patch.memoryMb()));
            } catch (RpcException e) {
                throw RpcFailures.toApi(e, "ServiceUnavailable",
                        "The container service did not answer the resize in time; try again later.");
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ContainerEntity c = locked(found.uuid, ident);
            requireAllowed(c, ContainerAction.UPDATE);
            actions.record(caller, ActionLog.CONTAINER, c.uuid, c.projectId, "update");
            if (patch.name() != null) {
                c.name = patch.name();
            }
            if (patch.autoHeal() != null) {
                c.autoHeal = patch.autoHeal();
            }
            return c;
        });
    }

    public ContainerEntity rename(RequestContext caller, String ident, String newName) {
        ContainerEntity found = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.RENAME, caller, found.projectId);
        return QuarkusTransaction.requiringNew().call(() -> {
            ContainerEntity c = locked(found.uuid, ident);
            if (newName.equals(c.name)) {
                throw new ConflictException("Conflict", "The new name for the container is the same as the old name.");
            }
            c.name = newName;
            return c;
        });
    }

    /**
     * Start, stop, pause, unpause, reboot, kill: record the task state, then ask the
     * conductor. The action's outcome arrives later through the agent's report.
     */
    public void act(RequestContext caller, String ident, ContainerAction action, Integer timeoutSeconds) {
        act(caller, ident, new ContainerOperation(null, action, timeoutSeconds, null));
    }

    /**
     * Zun's {@code kill}, with the signal asked for (null: the engine's SIGKILL). A conductor of an
     * older release would drop the signal and kill with SIGKILL, so under a cap below
     * {@link ConductorRpcApi#KILL_SIGNALS} such a kill is refused, as other newer requests are.
     */
    public void kill(RequestContext caller, String ident, String signal) {
        if (signal != null && ConductorRpcApi.KILL_SIGNALS.isNewerThan(
                conductor.versionFor(ConductorRpcApi.CONTAINER_ACTION))) {
            throw new ConflictException("UnsupportedRPCVersion", "A kill with a signal needs conductor RPC "
                    + ConductorRpcApi.KILL_SIGNALS + " while older conductors run; kill without one sends SIGKILL.");
        }
        act(caller, ident, new ContainerOperation(null, ContainerAction.KILL, null, signal));
    }

    private void act(RequestContext caller, String ident, ContainerOperation asked) {
        ContainerAction action = asked.action();
        ContainerEntity found = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.actionRule(action.verb()), caller, found.projectId);
        QuarkusTransaction.requiringNew().run(() -> {
            ContainerEntity c = locked(found.uuid, ident);
            requireAllowed(c, action);
            requireHost(c, action);
            c.taskState = action.taskState();
            if (action == ContainerAction.REBOOT) {
                c.status = ContainerStatus.RESTARTING;
            }
            actions.record(caller, ActionLog.CONTAINER, c.uuid, c.projectId, action.verb());
            conductor.containerAction(caller, new ContainerOperation(found.uuid.toString(), action,
                    asked.timeoutSeconds(), asked.signal()));
        });
    }

    public void delete(RequestContext caller, String ident, boolean force, boolean stop, boolean allProjects) {
        ContainerEntity found = lookup.resolve(caller, ident, allProjects, ContainerPolicy.DELETE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.DELETE, caller, found.projectId);
        if (force) {
            policy.authorize(ContainerPolicy.DELETE_FORCE, caller, found.projectId);
        }
        ContainerAction action = force ? ContainerAction.DELETE_FORCE
                : stop ? ContainerAction.DELETE_AFTER_STOP : ContainerAction.DELETE;
        boolean placed = QuarkusTransaction.requiringNew().call(() -> {
            ContainerEntity c = locked(found.uuid, ident);
            requireAllowed(c, action);
            actions.record(caller, ActionLog.CONTAINER, c.uuid, c.projectId, "delete");
            if (c.host == null) {
                // never placed: no engine container exists, so there is nothing to ask anyone
                ports.release(c.nics);
                securityGroups.releaseExposed(c);
                c.delete();
                return false;
            }
            c.status = ContainerStatus.DELETING;
            c.taskState = TaskState.CONTAINER_DELETING;
            conductor.deleteContainer(caller, new DeleteContainer(found.uuid.toString(), force, stop));
            return true;
        });
        if (!placed) {
            LOG.infof("container %s had no host; row deleted", found.uuid);
        }
    }

    /** The container whose networks the caller lists ({@code network_list}). */
    public ContainerEntity networks(RequestContext caller, String ident) {
        ContainerEntity c = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.NETWORK_LIST, caller, c.projectId);
        return c;
    }

    public ContainerSample stats(RequestContext caller, String ident) {
        ContainerEntity c = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.STATS, caller, c.projectId);
        requireAllowed(c, ContainerAction.STATS);
        requireHost(c, ContainerAction.STATS);
        try {
            ContainerStats stats = compute.containerStats(c.host, caller, c.uuid.toString());
            return new ContainerSample(c.name, stats);
        } catch (RpcException e) {
            throw RpcFailures.toApi(e, "ContainerHostNotUp", "Container host " + c.host + " is not up.");
        }
    }

    private ContainerEntity newRow(RequestContext caller, NewContainer r) {
        ContainerEntity c = new ContainerEntity();
        c.uuid = UUID.randomUUID();
        c.name = r.name() != null ? r.name() : names.next();
        c.projectId = caller.projectId();
        c.userId = caller.userId();
        c.image = r.image();
        c.imageDriver = r.imageDriver();
        c.imagePullPolicy = r.imagePullPolicy();
        c.command = new ArrayList<>(r.command());
        c.entrypoint = r.entrypoint() == null ? null : new ArrayList<>(r.entrypoint());
        c.cpu = r.cpu();
        c.memory = r.memoryMb();
        c.disk = r.diskGb();
        c.workdir = r.workdir();
        c.hostname = r.hostname();
        c.environment = new HashMap<>(r.environment());
        c.labels = new HashMap<>(r.labels());
        c.restartPolicy = r.restartPolicy();
        c.interactive = r.interactive();
        c.tty = r.tty();
        c.autoRemove = r.autoRemove();
        c.autoHeal = r.autoHeal();
        c.runtime = r.runtime();
        c.privileged = r.privileged();
        c.availabilityZone = r.availabilityZone();
        c.schedulerHints = new HashMap<>(r.schedulerHints());
        c.requestedHost = r.requestedHost();
        c.exposedPorts = new ArrayList<>(r.exposedPorts());
        c.healthcheck = r.healthcheck();
        c.cpuPolicy = r.cpuPolicy();
        c.status = ContainerStatus.CREATING;
        return c;
    }

    private ContainerEntity locked(UUID uuid, String ident) {
        return repository.lockByUuid(uuid).orElseThrow(() -> lookup.notFound(ident));
    }

    static void requireAllowed(ContainerEntity c, ContainerAction action) {
        requireAllowed(c.status, c.uuid, action);
    }

    static void requireAllowed(ContainerStatus status, UUID uuid, ContainerAction action) {
        if (!ContainerTransitions.isAllowed(status, action)) {
            throw new ConflictException(ConflictException.INVALID_STATE,
                    ContainerTransitions.conflictMessage(status, action, uuid.toString()));
        }
    }

    static void requireHost(ContainerEntity c, ContainerAction action) {
        requireHost(c.status, c.uuid, c.host, action);
    }

    static void requireHost(ContainerStatus status, UUID uuid, String host, ContainerAction action) {
        if (host == null) {
            throw new ConflictException(ConflictException.INVALID_STATE, "Cannot " + action.verb() + " container "
                    + uuid + " in " + status.value() + " state: it has not been placed on a host.");
        }
    }
}

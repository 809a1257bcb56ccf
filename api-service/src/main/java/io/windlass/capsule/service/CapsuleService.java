package io.windlass.capsule.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.container.service.ZunNetworkErrors;
import io.windlass.network.WorkloadPort;
import io.windlass.port.workload.WorkloadNetworkException;
import io.windlass.port.workload.WorkloadPorts;
import io.windlass.capsule.persistence.CapsuleRepository;
import io.windlass.capsule.policy.CapsulePolicy;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.TaskState;
import io.windlass.context.RequestContext;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.ReservationQueue;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The capsule use cases: write the row, then hand the work to the conductor once the row
 * has committed (the conductor must be able to read what it is told about).
 */
@ApplicationScoped
public class CapsuleService {
    private static final Logger LOG = Logger.getLogger(CapsuleService.class);
    /** A capsule's sandbox takes its port as a container's does. */
    private static final WorkloadPorts.Rules PORT_RULES = new WorkloadPorts.Rules(true,
            WorkloadPorts.DefaultNetwork.FIRST, false, "compute:kuryr");

    private final CapsuleRepository repository;
    private final CapsuleLookup lookup;
    private final CapsulePolicy policy;
    private final ConductorRpcApi conductor;
    private final QuotaEnforcer quotas;
    private final ReservationQueue reservations;
    private final WorkloadPorts ports;

    public CapsuleService(CapsuleRepository repository, CapsuleLookup lookup, CapsulePolicy policy,
                          ConductorRpcApi conductor, QuotaEnforcer quotas, ReservationQueue reservations,
                          WorkloadPorts ports) {
        this.ports = ports;
        this.reservations = reservations;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.conductor = conductor;
        this.quotas = quotas;
    }

    public CapsuleEntity create(RequestContext caller, NewCapsule request) {
        policy.authorize(CapsulePolicy.CREATE, caller, caller.projectId());
        CapsuleEntity capsule = newRow(caller, request);
        // reserved in the insert's transaction: an over-quota capsule leaves no row behind
        reservations.run(capsule.projectId, () -> {
            capsule.nics = nics(capsule);
            repository.persist(capsule);
            // recorded with the row (RpcOutbox): both commit, or neither
            conductor.buildCapsule(caller, new CapsuleRef(capsule.uuid.toString()));
        }, () -> quotas.reserveCapsule(capsule.projectId, capsule.spec.containers().size(), capsule.cpu,
                capsule.memory), () -> repository.findByUuid(capsule.uuid).isPresent());
        LOG.infof("capsule %s (%s) accepted: %d init, %d app containers, %.2f vCPU, %d MiB", capsule.uuid,
                capsule.name, capsule.spec.initContainers().size(), capsule.spec.containers().size(), capsule.cpu,
                capsule.memory);
        return capsule;
    }

    public List<CapsuleEntity> list(RequestContext caller, boolean allProjects, String marker, boolean ascending,
                                    int limit) {
        policy.authorize(CapsulePolicy.GET_ALL, caller, caller.projectId());
        // Zun ignores all_projects for non-admins instead of refusing it
        boolean everywhere = allProjects && policy.allows(CapsulePolicy.GET_ALL_ALL_PROJECTS, caller,
                caller.projectId());
        Long afterId = marker == null ? null : lookup.resolve(caller, marker, everywhere,
                CapsulePolicy.GET_ALL_ALL_PROJECTS).id;
        return repository.page(everywhere ? null : caller.projectId(), afterId, ascending, limit);
    }

    public CapsuleEntity show(RequestContext caller, String ident) {
        CapsuleEntity capsule = lookup.resolve(caller, ident, false, CapsulePolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(CapsulePolicy.GET, caller, capsule.projectId);
        return capsule;
    }

    /**
     * The capsule's sandbox port: its template names no network (Zun's capsule schema has no
     * {@code nets}), so it gets the project's network as a container with empty {@code nets} does.
     */
    private List<WorkloadPort> nics(CapsuleEntity capsule) {
        try {
            return ports.allocate(capsule.projectId, capsule.uuid.toString(), List.of(), PORT_RULES);
        } catch (WorkloadNetworkException e) {
            LOG.infof("capsule %s refused: %s: %s", capsule.uuid, e.reason(), e.getMessage());
            throw ZunNetworkErrors.of(e);
        }
    }

    /**
     * No status check, as in Zun. A placed capsule turns Deleting and its host removes it;
     * one that never got a host has nothing on any engine, so its row simply goes.
     */
    public void delete(RequestContext caller, String ident, boolean allProjects) {
        CapsuleEntity found = lookup.resolve(caller, ident, allProjects, CapsulePolicy.DELETE_ALL_PROJECTS);
        policy.authorize(CapsulePolicy.DELETE, caller, found.projectId);
        boolean placed = QuarkusTransaction.requiringNew().call(() -> {
            CapsuleEntity c = repository.lockByUuid(found.uuid).orElseThrow(() -> lookup.notFound(ident));
            if (c.host == null) {
                ports.release(c.nics);
                c.delete();
                return false;
            }
            c.status = ContainerStatus.DELETING;
            c.taskState = TaskState.CONTAINER_DELETING;
            conductor.deleteCapsule(caller, new CapsuleRef(found.uuid.toString()));
            return true;
        });
        if (!placed) {
            LOG.infof("capsule %s had no host; row deleted", found.uuid);
        }
    }

    private static CapsuleEntity newRow(RequestContext caller, NewCapsule r) {
        CapsuleEntity c = new CapsuleEntity();
        c.uuid = UUID.randomUUID();
        c.name = r.name();
        c.projectId = caller.projectId();
        c.userId = caller.userId();
        c.labels = new HashMap<>(r.labels());
        c.annotations = new HashMap<>(r.annotations());
        c.restartPolicy = r.restartPolicy();
        c.availabilityZone = r.availabilityZone();
        String prefix = "capsule-" + (r.name() != null ? r.name() : c.uuid.toString());
        c.spec = new CapsuleSpec(c.uuid.toString(), c.name, r.restartPolicy(),
                named(r.initContainers(), prefix + "-init"), named(r.containers(), prefix), r.volumes());
        c.cpu = c.spec.cpu();
        c.memory = c.spec.memoryMb();
        c.status = ContainerStatus.CREATING;
        return c;
    }

    /** Zun names members {@code capsule-<capsule>-<suffix>}; the template name is the suffix when given. */
    private static List<CapsuleMemberSpec> named(List<CapsuleMemberSpec> members, String prefix) {
        return IntStream.range(0, members.size()).mapToObj(i -> {
            CapsuleMemberSpec m = members.get(i);
            String suffix = m.templateName() != null ? m.templateName() : Integer.toString(i);
            return m.withIdentity(UUID.randomUUID().toString(), prefix + "-" + suffix);
        }).toList();
    }
}

package io.windlass.servergroup.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import io.windlass.servergroup.persistence.ServerGroupRecord;
import io.windlass.servergroup.persistence.ServerGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's server groups ({@code nova/api/openstack/compute/server_groups.py}, {@code objects/instance_group.py}):
 * a project's placement policy that servers join at boot with the scheduler hint {@code group}. As in
 * Nova, a caller other than an admin finds only their own project's groups; policy is checked against
 * the group's project once it is found.
 */
@ApplicationScoped
public class ServerGroupService {
    /** The scheduler hint naming the group a server boots into. */
    public static final String GROUP_HINT = "group";
    /** The one policy that takes rules. */
    static final String ANTI_AFFINITY = "anti-affinity";
    private static final Logger LOG = Logger.getLogger(ServerGroupService.class);

    private final ServerGroupRepository repository;
    private final ComputePolicy policy;
    private final QuotaEnforcer quotas;

    public ServerGroupService(ServerGroupRepository repository, ComputePolicy policy, QuotaEnforcer quotas) {
        this.repository = repository;
        this.policy = policy;
        this.quotas = quotas;
    }

    /** Nova's order: policy, the {@code server_groups} quota, then the rules. */
    public ServerGroupRecord create(RequestContext caller, NewServerGroup request) {
        String project = caller.projectId();
        policy.authorize(ComputePolicy.SERVER_GROUPS_CREATE, caller, project);
        ServerGroupRecord created = QuarkusTransaction.requiringNew().call(() -> {
            repository.lockProject(project);
            long limit = quotas.limit(project, QuotaResource.SERVER_GROUPS);
            if (limit >= 0 && repository.countInProject(project) + 1 > limit) {
                quotas.refused(QuotaResource.SERVER_GROUPS);
                throw new ApiException(403, "ServerGroupLimitExceeded", "Quota exceeded, too many server groups.");
            }
            if (!ANTI_AFFINITY.equals(request.policy()) && request.maxServerPerHost() != null) {
                throw InvalidInputException.badRequest("Only anti-affinity policy supports rules.");
            }
            return repository.insert(request.name(), project, caller.userId(), request.policy(),
                    request.maxServerPerHost());
        });
        LOG.infof("server group %s (%s, %s) created in project %s", created.uuid(), created.name(), created.policy(),
                project);
        return created;
    }

    /**
     * The caller's project's groups, or every project's for an admin asking {@code all_projects} (Nova
     * ignores it for anyone else rather than refusing).
     */
    public List<ServerGroupRecord> list(RequestContext caller, boolean allProjects, long offset, int limit) {
        String project = caller.projectId();
        policy.authorize(ComputePolicy.SERVER_GROUPS_INDEX, caller, project);
        boolean all = allProjects && caller.isAdmin();
        if (all) {
            policy.authorize(ComputePolicy.SERVER_GROUPS_INDEX_ALL_PROJECTS, caller, project);
        }
        return QuarkusTransaction.requiringNew().call(() -> repository.page(all ? null : project, offset, limit));
    }

    public ServerGroupRecord show(RequestContext caller, String id) {
        ServerGroupRecord group = QuarkusTransaction.requiringNew().call(() -> visible(caller, id))
                .orElseThrow(() -> notFound(id));
        policy.authorize(ComputePolicy.SERVER_GROUPS_SHOW, caller, group.projectId());
        return group;
    }

    /** The servers stay where they are; they are simply in no group any more. */
    public void delete(RequestContext caller, String id) {
        ServerGroupRecord group = QuarkusTransaction.requiringNew().call(() -> visible(caller, id))
                .orElseThrow(() -> notFound(id));
        policy.authorize(ComputePolicy.SERVER_GROUPS_DELETE, caller, group.projectId());
        if (!QuarkusTransaction.requiringNew().call(() -> repository.delete(group.id()))) {
            throw notFound(id);
        }
        LOG.infof("server group %s deleted (%d member(s) left in no group)", group.uuid(), group.members().size());
    }

    /**
     * The group a boot's hints name ({@code group}: one uuid, or a list whose first one counts, as Nova's
     * compute manager reads it), found as Nova's {@code _get_requested_instance_group} finds it: a
     * group the caller cannot see is a 400, as any other unknown thing a boot names.
     */
    public Optional<ServerGroupRecord> forBoot(RequestContext caller, Map<String, List<String>> hints) {
        List<String> named = hints.getOrDefault(GROUP_HINT, List.of());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String id = named.getFirst();
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> visible(caller, id))
                .orElseThrow(() -> groupOfBootNotFound(id)));
    }

    /**
     * Makes new servers members of the group, in the transaction that inserts them, within the
     * {@code server_group_members} quota of the caller's project (Nova counts per group; a boot that
     * would exceed it is refused whole). The group's row is locked: boots into one group take turns on
     * its count, and a concurrent delete of the group either waits or leaves it not found.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void join(RequestContext caller, ServerGroupRecord group, List<UUID> servers) {
        ServerGroupRecord locked = repository.lock(group.uuid(), null)
                .orElseThrow(() -> groupOfBootNotFound(group.uuid().toString()));
        long limit = quotas.limit(caller.projectId(), QuotaResource.SERVER_GROUP_MEMBERS);
        if (limit >= 0 && locked.members().size() + servers.size() > limit) {
            quotas.refused(QuotaResource.SERVER_GROUP_MEMBERS);
            throw new ApiException(403, "GroupMemberLimitExceeded", "Quota exceeded, too many servers in group");
        }
        repository.addMembers(locked.id(), servers);
    }

    /** How many groups the project has, against its {@code server_groups} quota (limits, quota sets). */
    public long countInProject(String projectId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.countInProject(projectId));
    }

    /** The group a non-admin may see: their own project's only (Nova's {@code _instance_group_get_query}). */
    private Optional<ServerGroupRecord> visible(RequestContext caller, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return repository.find(uuid, caller.isAdmin() ? null : caller.projectId());
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("InstanceGroupNotFound", "Instance group " + id + " could not be found.");
    }

    private static InvalidInputException groupOfBootNotFound(String id) {
        return InvalidInputException.badRequest("Instance group " + id + " could not be found.");
    }
}

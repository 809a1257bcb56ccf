package io.windlass.network.service;

import io.windlass.api.validation.RequestFields;
import io.windlass.network.persistence.NetworkRecord;
import io.windlass.network.persistence.NetworkRepository;
import io.windlass.networking.NetworkingPolicy;
import io.windlass.networking.NetworkingQuota;
import io.windlass.networking.NeutronCollectionService;
import io.windlass.networking.NeutronException;
import io.windlass.networking.NeutronQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Networks: who may see and change them, their quota and segmentation id. */
@ApplicationScoped
public class NetworkService implements NeutronCollectionService<NetworkRecord> {
    /** The MTU of a VXLAN network on a 1500-byte underlay (Neutron's default for vxlan). */
    public static final int MTU = 1450;
    private static final int RANDOM_SEGMENT_TRIES = 8;

    private final NetworkRepository networks;
    private final NetworkingPolicy policy;
    private final NetworkingQuota quota;
    private final SegmentRange segments;

    public NetworkService(NetworkRepository networks, NetworkingPolicy policy, NetworkingQuota quota,
                          SegmentationConfig segmentation) {
        this.networks = networks;
        this.policy = policy;
        this.quota = quota;
        this.segments = new SegmentRange(segmentation.min(), segmentation.max());
    }

    @Transactional
    @Override
    public NetworkRecord create(RequestFields given) {
        String project = given.has("project_id") ? given.text("project_id")
                : given.has("tenant_id") ? given.text("tenant_id") : policy.caller().projectId();
        policy.create("create_network", project);
        boolean shared = given.bool("shared", false);
        if (shared) {
            policy.adminOnly("create_network:shared");
        }
        if (given.bool("router:external", false)) {
            policy.adminOnly("create_network:router:external");
            throw NeutronException.invalidInput("external networks are not supported by this deployment");
        }
        // compared as given: a number beyond int is simply too big
        BigInteger asked = given.has("mtu") ? new BigInteger(given.text("mtu"))
                : BigInteger.valueOf(MTU);
        if (asked.compareTo(BigInteger.valueOf(MTU)) > 0) {
            throw NeutronException.invalidInput("Requested MTU is too big, maximum is " + MTU);
        }
        int mtu = asked.intValue();
        quota.reserve(project, NetworkingQuota.Resource.NETWORK, 1);
        String id = UUID.randomUUID().toString();
        for (int attempt = 0; ; attempt++) {
            int segment = attempt < RANDOM_SEGMENT_TRIES ? segments.random(ThreadLocalRandom.current())
                    : networks.lowestFreeSegment(segments.min(), segments.max()).orElseThrow(() ->
                    new NeutronException(503, "NoNetworkAvailable",
                            "Unable to create the network. No tenant network is available for allocation."));
            NetworkRecord row = new NetworkRecord(id, project, given.text("name") == null ? "" : given.text("name"),
                    given.text("description") == null ? "" : given.text("description"),
                    given.bool("admin_state_up", true), shared, mtu, given.bool("port_security_enabled", true),
                    segment, List.of(), null, null, 1);
            if (networks.insert(row)) {
                return networks.find(id).orElseThrow();
            }
        }
    }

    /** The network if the caller may see it, else NetworkNotFound. */
    @Override
    public NetworkRecord show(String id) {
        NetworkRecord network = networks.find(id).orElseThrow(() -> NeutronException.networkNotFound(id));
        policy.read(network.projectId(), network.shared(), () -> NeutronException.networkNotFound(id));
        return network;
    }

    @Override
    public List<NetworkRecord> list(NeutronQuery query) {
        return networks.list(query, policy.isAdmin() ? null : policy.caller().projectId());
    }

    @Transactional
    @Override
    public NetworkRecord update(String id, RequestFields given) {
        NetworkRecord n = show(id);
        policy.write("update_network", n.projectId(), n.shared(), () -> NeutronException.networkNotFound(id));
        boolean shared = n.shared();
        if (given.has("shared") && given.bool("shared", false) != n.shared()) {
            policy.adminOnly("update_network:shared");
            shared = given.bool("shared", false);
            if (!shared && networks.hasForeignPorts(id, n.projectId())) {
                throw NeutronException.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings for "
                        + "network " + id + ". Multiple tenants are using it.");
            }
        }
        networks.update(new NetworkRecord(id, n.projectId(), given.has("name") ? given.text("name") : n.name(),
                given.has("description") ? given.text("description") : n.description(),
                given.bool("admin_state_up", n.adminStateUp()), shared, n.mtu(), n.portSecurityEnabled(),
                n.segmentationId(), n.subnets(), n.createdAt(), n.updatedAt(), n.revisionNumber()));
        return networks.find(id).orElseThrow();
    }

    @Transactional
    @Override
    public void delete(String id) {
        NetworkRecord n = networks.lock(id, true).orElseThrow(() -> NeutronException.networkNotFound(id));
        policy.read(n.projectId(), n.shared(), () -> NeutronException.networkNotFound(id));
        policy.write("delete_network", n.projectId(), n.shared(), () -> NeutronException.networkNotFound(id));
        if (networks.hasUserPorts(id)) {
            throw NeutronException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        networks.delete(id);
    }
}

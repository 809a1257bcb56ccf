package io.windlass.scheduler.group;

import io.windlass.scheduler.ResourceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a server's group from what the api-service wrote ({@code server_groups},
 * {@code server_group_members}, V20) and where its members are from the scheduler's own claims
 * ({@code allocations}): a claim is there from the moment it commits, before any host is recorded
 * on the server, so members being built count as much as running ones. One query, only for a
 * request with the hint {@code group}.
 */
@ApplicationScoped
public class ServerGroupReader {
    /** The scheduler hint naming the group, as the api-service stores it with the server. */
    public static final String GROUP_HINT = "group";
    private static final Logger LOG = Logger.getLogger(ServerGroupReader.class);

    private final EntityManager em;

    public ServerGroupReader(EntityManager em) {
        this.em = em;
    }

    /**
     * The group the request's server boots into, with the hosts of its other members; {@link
     * ServerGroupPlacement#NONE} when the request names none. Only servers are in server groups
     * (Zun's container hints have no {@code group}). Without the hint, no transaction is begun: this runs
     * for every decision.
     */
    public ServerGroupPlacement placementFor(ResourceRequest request, UUID consumer) {
        List<String> hint = request.hint(GROUP_HINT);
        if (hint.isEmpty() || !"server".equals(request.consumerType())) {
            return ServerGroupPlacement.NONE;
        }
        Optional<UUID> group = parse(hint.getFirst());
        return group.flatMap(g -> read(g, consumer)).orElseGet(() -> {
            // deleted since the server was accepted: as in Nova, a group that is gone constrains nothing
            LOG.infof("consumer %s names server group %s, which does not exist (any more)", consumer, hint.getFirst());
            return ServerGroupPlacement.NONE;
        });
    }

    /** The group as PostgreSQL has it now, in the caller's transaction when there is one; empty when it is gone. */
    @Transactional
    public Optional<ServerGroupPlacement> read(UUID group, UUID consumer) {
        // the consumer itself is left out: a redelivered or evacuated server does not count against itself
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT g.policy, g.max_server_per_host, a.host, count(a.host)
                FROM server_groups g
                LEFT JOIN server_group_members m ON m.group_id = g.id AND m.server_uuid <> :consumer
                LEFT JOIN allocations a ON a.consumer_uuid = m.server_uuid
                WHERE g.uuid = :group
                GROUP BY g.policy, g.max_server_per_host, a.host""")
                .setParameter("group", group)
                .setParameter("consumer", consumer)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.getFirst();
        Optional<ServerGroupPolicy> policy = ServerGroupPolicy.of((String) first[0]);
        if (policy.isEmpty()) {
            LOG.warnf("server group %s has policy %s, which no filter or weigher knows; ignoring it", group, first[0]);
            return Optional.empty();
        }
        Map<String, Integer> membersByHost = new HashMap<>();
        for (Object[] r : rows) {
            if (r[2] != null) {
                membersByHost.put((String) r[2], ((Number) r[3]).intValue());
            }
        }
        int maxServerPerHost = first[1] == null ? 1 : ((Number) first[1]).intValue();
        return Optional.of(new ServerGroupPlacement(group, policy.get(), maxServerPerHost, membersByHost));
    }

    private static Optional<UUID> parse(String hint) {
        try {
            return Optional.of(UUID.fromString(hint));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

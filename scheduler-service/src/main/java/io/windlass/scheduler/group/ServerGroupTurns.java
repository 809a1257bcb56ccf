package io.windlass.scheduler.group;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;
import java.util.function.Function;

/**
 * Claims for the members of one server group with a hard policy, one at a time. Two members
 * decided at once would each see the other unplaced: both could take the same host of an
 * anti-affinity group, or different hosts of an affinity group. Nova lets that happen and has the
 * compute host check the group again before it builds (and reschedule); here the claim itself is
 * taken in turn: a transaction holds a PostgreSQL advisory lock of the group (so scheduler
 * replicas take turns too), reads the group's members' claims again once it holds it, and the
 * claim that follows commits with it. Members of different groups, and requests in no group, do
 * not wait for each other.
 */
@ApplicationScoped
public class ServerGroupTurns {
    private final EntityManager em;
    private final ServerGroupReader reader;

    public ServerGroupTurns(EntityManager em, ServerGroupReader reader) {
        this.em = em;
        this.reader = reader;
    }

    /**
     * Runs {@code claim} in the group's turn, given the group as it is once the turn has come (with
     * the claims of the members that went before; {@link ServerGroupPlacement#NONE} if it was deleted
     * meanwhile). The claim runs in this transaction; what it throws rolls it back.
     */
    public <T> T inTurn(UUID group, UUID consumer, Function<ServerGroupPlacement, T> claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('server_group_claims:' || :group))")
                    .setParameter("group", group.toString()).getSingleResult();
            return claim.apply(reader.read(group, consumer).orElse(ServerGroupPlacement.NONE));
        });
    }
}

package io.windlass.migration.persistence;

import io.windlass.server.ServerTaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's migration records ({@code migrations}) as a server's tasks move them: the conductor's
 * workflows advance a resize or evacuation record through Nova's statuses, and a task ended from
 * outside them (the reconciler's, an admin's {@code os-resetState}) ends its record too. Callers
 * hold the transaction; a move applies only from the statuses it names, so a message handled twice
 * changes nothing the second time.
 */
@ApplicationScoped
public class ServerMigrations {
    private final EntityManager em;

    public ServerMigrations(EntityManager em) {
        this.em = em;
    }

    /** The statuses of a resize or cold migration that has not ended. */
    private static final List<String> OPEN = List.of(MigrationEntity.PRE_MIGRATING, MigrationEntity.MIGRATING,
            MigrationEntity.POST_MIGRATING, MigrationEntity.FINISHED, MigrationEntity.CONFIRMING,
            MigrationEntity.REVERTING);
    private static final List<String> RESIZES = List.of(MigrationEntity.RESIZE, MigrationEntity.MIGRATION);

    /** The server's resize (or cold migration) record in one of {@code from} moves to {@code to}. */
    public void advance(UUID server, String to, String... from) {
        em.createQuery("update MigrationEntity m set m.status = :to, m.updatedAt = :now where m.instanceUuid = :uuid "
                        + "and m.migrationType in :types and m.status in :from").setParameter("to", to)
                .setParameter("now", Instant.now()).setParameter("types", RESIZES)
                .setParameter("uuid", server).setParameter("from", List.of(from)).executeUpdate();
    }

    /** The server's resize or cold migration that has not ended, if any. */
    public Optional<MigrationEntity> open(UUID server) {
        return em.createQuery("from MigrationEntity m where m.instanceUuid = :uuid and m.migrationType in :types "
                        + "and m.status in :open order by m.id desc", MigrationEntity.class)
                .setParameter("uuid", server).setParameter("types", RESIZES).setParameter("open", OPEN)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** A move's claim on {@code host} is made: Nova's {@code migrating}, the record naming its destination. */
    public void migrating(UUID server, String host) {
        // a host of one machine has no underlay address (null)
        List<?> addresses = em.createNativeQuery("select underlay_address from compute_hosts where host = ?1")
                .setParameter(1, host).getResultList();
        Object address = addresses.isEmpty() ? null : addresses.getFirst();
        em.createQuery("update MigrationEntity m set m.status = :to, m.destCompute = :host, m.destNode = :host, "
                        + "m.destHost = :address, m.updatedAt = :now where m.instanceUuid = :uuid "
                        + "and m.migrationType in :types and m.status = :from")
                .setParameter("to", MigrationEntity.MIGRATING).setParameter("host", host)
                .setParameter("address", address == null ? null : address.toString())
                .setParameter("now", Instant.now()).setParameter("uuid", server).setParameter("types", RESIZES)
                .setParameter("from", MigrationEntity.PRE_MIGRATING).executeUpdate();
    }

    /**
     * The server's task ended without its end reported (the reconciler cleared it as stale, or an
     * admin reset the server's state): its resize record ends as the task did, a resize in
     * {@code error}, a confirm or revert back to {@code finished} (the server still waits for one);
     * an evacuation in {@code error} when it never left, {@code failed} when the new host never
     * spawned it.
     */
    public void taskAbandoned(UUID server, ServerTaskState task) {
        switch (task) {
            case RESIZE_PREP, RESIZE_MIGRATING, RESIZE_FINISH -> failed(server);
            case RESIZE_CONFIRMING -> advance(server, MigrationEntity.FINISHED, MigrationEntity.CONFIRMING);
            case RESIZE_REVERTING -> advance(server, MigrationEntity.FINISHED, MigrationEntity.REVERTING);
            case REBUILDING -> evacuationEnded(server, MigrationEntity.ERROR);
            case REBUILD_SPAWNING -> evacuationEnded(server, MigrationEntity.FAILED);
            default -> {
                // no other task has a migration record
            }
        }
    }

    /** The evacuation's record names the host it goes to: Nova's {@code pre-migrating}. */
    public void evacuationScheduled(UUID server, String host) {
        em.createQuery("update MigrationEntity m set m.status = :to, m.destCompute = :host, m.destNode = :host, "
                        + "m.updatedAt = :now where m.instanceUuid = :uuid and m.migrationType = :type "
                        + "and m.status = :from").setParameter("to", MigrationEntity.PRE_MIGRATING)
                .setParameter("host", host).setParameter("now", Instant.now()).setParameter("uuid", server)
                .setParameter("type", MigrationEntity.EVACUATION).setParameter("from", MigrationEntity.ACCEPTED)
                .executeUpdate();
    }

    /**
     * The evacuation ended: {@code done} once the new host spawned it, {@code failed} when that spawn
     * failed, {@code error} when it never started (no host, as Nova's conductor sets it).
     */
    public void evacuationEnded(UUID server, String to) {
        em.createQuery("update MigrationEntity m set m.status = :to, m.updatedAt = :now where m.instanceUuid = :uuid "
                        + "and m.migrationType = :type and m.status in :from").setParameter("to", to)
                .setParameter("now", Instant.now()).setParameter("uuid", server)
                .setParameter("type", MigrationEntity.EVACUATION)
                .setParameter("from", List.of(MigrationEntity.ACCEPTED, MigrationEntity.PRE_MIGRATING)).executeUpdate();
    }

    /** A resize the host has not applied, or a move the new host has not spawned: Nova's {@code error}. */
    public void failed(UUID server) {
        advance(server, MigrationEntity.ERROR, MigrationEntity.PRE_MIGRATING, MigrationEntity.MIGRATING,
                MigrationEntity.POST_MIGRATING);
    }
}

package io.windlass.migration.persistence;

import io.windlass.server.ServerTaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
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

    /** The server's resize record in one of {@code from} moves to {@code to}. */
    public void advance(UUID server, String to, String... from) {
        em.createQuery("update MigrationEntity m set m.status = :to, m.updatedAt = :now where m.instanceUuid = :uuid "
                        + "and m.migrationType = 'resize' and m.status in :from").setParameter("to", to).setParameter("now", Instant.now())
                .setParameter("uuid", server).setParameter("from", List.of(from)).executeUpdate();
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
            case RESIZE_PREP -> failed(server);
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

    /** A resize the host has not applied: Nova's {@code error}. */
    public void failed(UUID server) {
        advance(server, MigrationEntity.ERROR, MigrationEntity.PRE_MIGRATING, MigrationEntity.MIGRATING);
    }
}

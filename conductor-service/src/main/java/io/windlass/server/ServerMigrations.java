package io.windlass.server;

import io.windlass.migration.persistence.MigrationEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The conductor's side of Nova's migration records ({@code migrations}): a server's resize
 * record follows the resize through Nova's statuses. Callers hold the transaction; a move applies
 * only from the statuses it names, so a message handled twice changes nothing the second time.
 */
@ApplicationScoped
public class ServerMigrations {
    private final EntityManager em;

    public ServerMigrations(EntityManager em) {
        this.em = em;
    }

    /** The server's migration in one of {@code from} moves to {@code to}. */
    public void advance(UUID server, String to, String... from) {
        em.createQuery("update MigrationEntity m set m.status = :to, m.updatedAt = :now where m.instanceUuid = :uuid "
                        + "and m.status in :from").setParameter("to", to).setParameter("now", Instant.now())
                .setParameter("uuid", server).setParameter("from", List.of(from)).executeUpdate();
    }

    /**
     * The server's task ended without its end reported (the reconciler cleared it as stale): its
     * resize record ends as the task did, a resize in {@code error}, a confirm or revert back to
     * {@code finished} (the server still waits for one).
     */
    public void taskAbandoned(UUID server, ServerTaskState task) {
        switch (task) {
            case RESIZE_PREP -> failed(server);
            case RESIZE_CONFIRMING -> advance(server, MigrationEntity.FINISHED, MigrationEntity.CONFIRMING);
            case RESIZE_REVERTING -> advance(server, MigrationEntity.FINISHED, MigrationEntity.REVERTING);
            default -> {
                // no other task has a migration record
            }
        }
    }

    /** A resize the host has not applied: Nova's {@code error}. */
    public void failed(UUID server) {
        advance(server, MigrationEntity.ERROR, MigrationEntity.PRE_MIGRATING, MigrationEntity.MIGRATING);
    }
}

package io.windlass.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.identity.config.IdentityConfig;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is revoked, shared through PostgreSQL: single tokens by audit id
 * ({@code identity_revoked_tokens}) and Keystone's revocation events
 * ({@code identity_revocation_events}: every token of a user, of a project, or of a user on a
 * project, issued up to a moment). Tokens are self-contained, so deleting a user or removing a
 * role changes nothing in the tokens already out; the events are what makes them invalid. Each
 * replica keeps a copy it re-reads at most every {@code revocation-cache-ttl}, so a revocation
 * made on one replica is honoured by all of them within that time while validation stays in
 * memory; the replica that revokes honours it at once.
 */
@ApplicationScoped
public class RevocationList {
    private static final Logger LOG = Logger.getLogger(RevocationList.class);

    private final IdentityRepository repository;
    private final IdentityConfig config;
    private final AfterCommit afterCommit;
    private volatile Revoked revoked = new Revoked(Set.of(), List.of());
    private volatile Instant loadedAt = Instant.EPOCH;

    public RevocationList(IdentityRepository repository, IdentityConfig config, AfterCommit afterCommit) {
        this.repository = repository;
        this.config = config;
        this.afterCommit = afterCommit;
    }

    public boolean isRevoked(TokenClaims claims) {
        refreshIfStale();
        return revoked.matches(claims);
    }

    public void revoke(TokenClaims claims) {
        QuarkusTransaction.requiringNew().run(() -> repository.revoke(claims.auditId(), claims.expires()));
        addAuditId(claims.auditId());
        LOG.infof("token %s revoked", claims.auditId());
    }

    /**
     * Revokes every token issued until now to {@code userId} (any project when null) on
     * {@code projectId} (any user when null), in the caller's transaction: the event commits with
     * the change that caused it, or not at all.
     */
    public void revokeIssuedUntilNow(String userId, String projectId, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // no token issued before now outlives now + the token lifetime
        repository.addRevocationEvent(userId, projectId, now, now.plus(config.token().lifetime()), reason);
        Event event = new Event(userId, projectId, now.toEpochMilli());
        // this replica honours it at once, but only if the change that caused it commits
        afterCommit.run(() -> {
            addEvent(event);
            LOG.infof("tokens revoked: user %s, project %s, issued until %s (%s)",
                    userId == null ? "any" : userId, projectId == null ? "any" : projectId, now, reason);
        });
    }

    // the two below change this replica's copy between re-reads; synchronized so that neither loses the other's
    private synchronized void addAuditId(String auditId) {
        Revoked current = revoked;
        Set<String> auditIds = new HashSet<>(current.auditIds());
        auditIds.add(auditId);
        revoked = new Revoked(Set.copyOf(auditIds), current.events());
    }

    private synchronized void addEvent(Event event) {
        Revoked current = revoked;
        List<Event> events = new ArrayList<>(current.events());
        events.add(event);
        revoked = new Revoked(current.auditIds(), List.copyOf(events));
    }

    private void refreshIfStale() {
        if (loadedAt.plus(config.revocationCacheTtl()).isAfter(Instant.now())) {
            return;
        }
        synchronized (this) {
            if (loadedAt.plus(config.revocationCacheTtl()).isAfter(Instant.now())) {
                return;
            }
            revoked = QuarkusTransaction.requiringNew().call(() -> new Revoked(
                    Set.copyOf(repository.revokedAuditIds()),
                    repository.revocationEvents().stream()
                            .map(r -> new Event((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                            .toList()));
            loadedAt = Instant.now();
        }
    }

    /** Rows for tokens that have expired anyway serve nobody. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        int purged = QuarkusTransaction.requiringNew().call(repository::purgeExpiredRevocations);
        if (purged > 0) {
            LOG.infof("purged %d expired token revocations", purged);
        }
    }

    /** One replica's copy: revoked audit ids and the events still able to match a token. */
    private record Revoked(Set<String> auditIds, List<Event> events) {
        boolean matches(TokenClaims claims) {
            for (String auditId : claims.auditIds()) {
                if (auditIds.contains(auditId)) {
                    return true;
                }
            }
            for (Event event : events) {
                if (event.matches(claims)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Tokens of {@code userId} (null: any) on {@code projectId} (null: any) issued up to {@code issuedBeforeMs}. */
    private record Event(String userId, String projectId, long issuedBeforeMs) {
        boolean matches(TokenClaims claims) {
            return (userId == null || userId.equals(claims.userId()))
                    && (projectId == null || projectId.equals(claims.projectId()))
                    && claims.issuedAtMillis() <= issuedBeforeMs;
        }
    }
}

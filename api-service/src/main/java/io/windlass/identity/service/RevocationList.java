package io.windlass.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.windlass.identity.config.IdentityConfig;
import io.windlass.identity.persistence.IdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked audit ids, shared through {@code identity_revoked_tokens}. Each replica keeps a
 * copy it re-reads at most every {@code revocation-cache-ttl}, so a revocation made on one
 * replica is honoured by all of them within that time while validation stays in memory.
 */
@ApplicationScoped
public class RevocationList {
    private static final Logger LOG = Logger.getLogger(RevocationList.class);

    private final IdentityRepository repository;
    private final IdentityConfig config;
    private volatile Set<String> revoked = Set.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public RevocationList(IdentityRepository repository, IdentityConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public boolean isRevoked(TokenClaims claims) {
        refreshIfStale();
        Set<String> current = revoked;
        return claims.auditIds().stream().anyMatch(current::contains);
    }

    public void revoke(TokenClaims claims) {
        QuarkusTransaction.requiringNew().run(() -> repository.revoke(claims.auditId(), claims.expires()));
        Set<String> updated = ConcurrentHashMap.newKeySet();
        updated.addAll(revoked);
        updated.add(claims.auditId());
        revoked = updated;
        LOG.infof("token %s revoked", claims.auditId());
    }

    private void refreshIfStale() {
        if (loadedAt.plus(config.revocationCacheTtl()).isAfter(Instant.now())) {
            return;
        }
        synchronized (this) {
            if (loadedAt.plus(config.revocationCacheTtl()).isAfter(Instant.now())) {
                return;
            }
            revoked = Set.copyOf(QuarkusTransaction.requiringNew().call(repository::revokedAuditIds));
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
}

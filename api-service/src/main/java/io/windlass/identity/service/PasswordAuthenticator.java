package io.windlass.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.identity.api.KeystoneException;
import io.windlass.identity.config.IdentityConfig;
import io.windlass.identity.persistence.DomainEntity;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.UserEntity;
import io.windlass.identity.service.AuthRequest.DomainRef;
import io.windlass.identity.service.AuthRequest.PasswordCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a user's password, with brute-force protection: consecutive failures are counted
 * per user in the database (so every replica sees them); past the allowed number the user
 * is locked out for a time that doubles with every further failure, and a success resets it.
 */
@ApplicationScoped
public class PasswordAuthenticator {
    private static final Logger LOG = Logger.getLogger(PasswordAuthenticator.class);
    /** Keystone's answer for every credential failure, so it reveals nothing about which part was wrong. */
    static final String NOT_AUTHENTICATED = "The request you have made requires authentication.";

    private final IdentityRepository repository;
    private final PasswordHasher hasher;
    private final IdentityConfig.Lockout lockout;

    public PasswordAuthenticator(IdentityRepository repository, PasswordHasher hasher, IdentityConfig config) {
        this.repository = repository;
        this.hasher = hasher;
        this.lockout = config.lockout();
    }

    /** @return the authenticated user */
    public UserEntity authenticate(PasswordCredentials credentials) {
        Optional<UserEntity> found = QuarkusTransaction.requiringNew().call(() -> find(credentials));
        if (found.isEmpty()) {
            hasher.burnTime(credentials.password());
            LOG.infof("authentication failed: unknown user");
            throw KeystoneException.unauthorized(NOT_AUTHENTICATED);
        }
        UserEntity user = found.get();
        Instant lockedUntil = lockedUntil(user);
        if (lockedUntil != null && lockedUntil.isAfter(Instant.now())) {
            LOG.infof("authentication refused: user %s locked out after %d failures", user.id, user.failedAuthCount);
            throw KeystoneException.unauthorized("The account is locked for user: " + user.id + ".");
        }
        if (!user.enabled || !hasher.matches(credentials.password(), user.passwordHash)) {
            int failures = QuarkusTransaction.requiringNew().call(() -> repository.recordFailure(user.id));
            LOG.infof("authentication failed for user %s (%d consecutive failures)", user.id, failures);
            throw KeystoneException.unauthorized(NOT_AUTHENTICATED);
        }
        if (user.failedAuthCount > 0) {
            QuarkusTransaction.requiringNew().run(() -> repository.clearFailures(user.id));
        }
        return user;
    }

    /** When the current lockout ends, or null when the user is not locked out. */
    Instant lockedUntil(UserEntity user) {
        int over = user.failedAuthCount - lockout.failureAttempts();
        if (over < 0 || user.lastFailedAuthAt == null) {
            return null;
        }
        Duration duration = lockout.baseDuration().multipliedBy(1L << Math.min(over, 20));
        if (duration.compareTo(lockout.maxDuration()) > 0) {
            duration = lockout.maxDuration();
        }
        return user.lastFailedAuthAt.plus(duration);
    }

    private Optional<UserEntity> find(PasswordCredentials credentials) {
        AuthRequest.UserRef ref = credentials.user();
        if (ref.id() != null) {
            return repository.user(ref.id());
        }
        return domainOf(ref.domain()).flatMap(d -> repository.userByName(d.id, ref.name()));
    }

    Optional<DomainEntity> domainOf(DomainRef ref) {
        return ref.id() != null ? repository.domain(ref.id()) : repository.domainByName(ref.name());
    }
}

package io.windlass.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.identity.api.KeystoneException;
import io.windlass.identity.config.IdentityConfig;
import io.windlass.identity.persistence.DomainEntity;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.ProjectEntity;
import io.windlass.identity.persistence.RoleEntity;
import io.windlass.identity.persistence.UserEntity;
import io.windlass.identity.service.AuthRequest.ProjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, validates and revokes tokens. */
@ApplicationScoped
public class TokenService {
    private static final Logger LOG = Logger.getLogger(TokenService.class);

    private final IdentityRepository repository;
    private final PasswordAuthenticator passwords;
    private final TokenCodec codec;
    private final RevocationList revocations;
    private final IdentityConfig config;

    public TokenService(IdentityRepository repository, PasswordAuthenticator passwords, TokenCodec codec,
                        RevocationList revocations, IdentityConfig config) {
        this.repository = repository;
        this.passwords = passwords;
        this.codec = codec;
        this.revocations = revocations;
        this.config = config;
    }

    /** A new token and its claims. */
    public record Issued(String token, TokenClaims claims) {
    }

    public Issued issue(AuthRequest request) {
        String userId;
        String chainId = null;
        Instant expires = Instant.now().plus(config.token().lifetime());
        if (request.password() != null) {
            userId = passwords.authenticate(request.password()).id;
        } else {
            // re-scoping: the new token may not outlive the one it comes from (as in Keystone)
            TokenClaims parent = validate(request.token());
            userId = parent.userId();
            chainId = parent.chainId() != null ? parent.chainId() : parent.auditId();
            expires = parent.expires();
        }
        String finalUserId = userId;
        ScopedRoles scoped = QuarkusTransaction.requiringNew().call(() -> scope(finalUserId, request.scope()));
        Instant now = Instant.now();
        TokenClaims claims = new TokenClaims(userId, scoped.projectId(), scoped.roles(), request.methods(),
                now.getEpochSecond(), expires.getEpochSecond(), auditId(), chainId, now.toEpochMilli());
        LOG.infof("token %s issued to user %s for project %s", claims.auditId(), userId, scoped.projectId());
        return new Issued(codec.encode(claims), claims);
    }

    /**
     * The claims of a valid token.
     *
     * @throws KeystoneException 401 for anything else (tampered, expired, revoked)
     */
    public TokenClaims validate(String token) {
        TokenClaims claims = codec.decode(token).orElseThrow(() -> {
            LOG.infof("token rejected: malformed or bad signature");
            return KeystoneException.unauthorized("The request you have made requires authentication.");
        });
        if (!claims.expires().isAfter(Instant.now())) {
            LOG.infof("token %s rejected: expired", claims.auditId());
            throw KeystoneException.unauthorized("The token has expired.");
        }
        if (revocations.isRevoked(claims)) {
            LOG.infof("token %s rejected: revoked", claims.auditId());
            throw KeystoneException.unauthorized("The token has been revoked.");
        }
        return claims;
    }

    public void revoke(TokenClaims claims) {
        revocations.revoke(claims);
    }

    private ScopedRoles scope(String userId, ProjectRef ref) {
        ProjectEntity project;
        if (ref == null) {
            UserEntity user = repository.user(userId).orElseThrow(
                    () -> KeystoneException.unauthorized("The request you have made requires authentication."));
            if (user.defaultProjectId == null) {
                return new ScopedRoles(null, List.of());
            }
            Optional<ProjectEntity> defaultProject = repository.project(user.defaultProjectId);
            if (defaultProject.isEmpty() || repository.assignedRoles(userId, user.defaultProjectId).isEmpty()) {
                // Keystone falls back to an unscoped token when the default project is unusable
                return new ScopedRoles(null, List.of());
            }
            project = defaultProject.get();
        } else {
            project = resolve(ref).orElseThrow(() -> KeystoneException.unauthorized("Could not find project: "
                    + (ref.id() != null ? ref.id() : ref.name()) + "."));
        }
        if (!project.enabled) {
            throw KeystoneException.unauthorized("Project " + project.id + " is disabled.");
        }
        List<String> direct = new ArrayList<>();
        for (RoleEntity role : repository.assignedRoles(userId, project.id)) {
            direct.add(role.name);
        }
        if (direct.isEmpty()) {
            throw KeystoneException.unauthorized("User " + userId + " has no access to project " + project.id + ".");
        }
        return new ScopedRoles(project.id, RoleHierarchy.expand(direct));
    }

    private Optional<ProjectEntity> resolve(ProjectRef ref) {
        if (ref.id() != null) {
            return repository.project(ref.id());
        }
        Optional<DomainEntity> domain = ref.domain().id() != null ? repository.domain(ref.domain().id())
                : repository.domainByName(ref.domain().name());
        return domain.flatMap(d -> repository.projectByName(d.id, ref.name()));
    }

    private static String auditId() {
        // Keystone's audit ids are 22 characters of urlsafe base64 (16 random bytes)
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private record ScopedRoles(String projectId, List<String> roles) {
    }
}

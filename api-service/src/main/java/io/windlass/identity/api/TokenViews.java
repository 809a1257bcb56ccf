package io.windlass.identity.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.identity.persistence.IdentityRepository;
import io.windlass.identity.persistence.ProjectEntity;
import io.windlass.identity.persistence.UserEntity;
import io.windlass.identity.service.ServiceCatalog;
import io.windlass.identity.service.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds token documents: the claims plus the names clients print. */
@ApplicationScoped
public class TokenViews {
    /** Keystone's timestamp format: microseconds and a literal Z. */
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final IdentityRepository repository;
    private final ServiceCatalog catalog;

    public TokenViews(IdentityRepository repository, ServiceCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    public TokenView of(TokenClaims claims, String root) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity user = repository.user(claims.userId()).orElseThrow(
                    () -> KeystoneException.notFound("token", claims.auditId()));
            TokenView.User userView = new TokenView.User(user.id, user.name, domain(user.domainId), null);
            TokenView.Project project = null;
            List<TokenView.Named> roles = null;
            List<ServiceCatalog.Service> services = null;
            if (claims.projectId() != null) {
                ProjectEntity p = repository.project(claims.projectId()).orElseThrow(
                        () -> KeystoneException.notFound("token", claims.auditId()));
                project = new TokenView.Project(p.id, p.name, domain(p.domainId));
                roles = claims.roles().stream().map(name -> repository.roleByName(name)
                        .map(r -> new TokenView.Named(r.id, r.name)).orElse(new TokenView.Named(name, name))).toList();
                services = catalog.entries(root);
            }
            return new TokenView(new TokenView.Token(claims.methods(), format(claims.expires()),
                    format(claims.issued()), claims.auditIds(), userView, project, false, roles, services));
        });
    }

    public static String format(Instant instant) {
        return KEYSTONE_TIME.format(instant);
    }

    private TokenView.Named domain(String id) {
        return new TokenView.Named(id, repository.domain(id).map(d -> d.name).orElse(id));
    }
}

package io.windlass.api.auth;

import io.windlass.identity.api.KeystoneException;
import io.windlass.identity.service.TokenClaims;
import io.windlass.identity.service.TokenService;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code strategy=windlass}: tokens issued by this service, checked in memory (signature, expiry, revocation). */
@ApplicationScoped
public class WindlassTokenAuthenticator implements TokenAuthenticator {
    private final TokenService tokens;

    public WindlassTokenAuthenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Caller authenticate(String token) {
        try {
            TokenClaims claims = tokens.validate(token);
            return new Caller(claims.userId(), claims.projectId(), claims.roles(), claims.auditId());
        } catch (KeystoneException e) {
            throw new AuthenticationFailed(e.getMessage());
        }
    }

    @Override
    public String identityUri(String root) {
        return root + "/identity";
    }
}

package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.identity.service.AuthRequest;
import io.windlass.identity.service.AuthRequest.PasswordCredentials;
import io.windlass.identity.service.AuthRequest.ProjectRef;
import io.windlass.identity.service.AuthRequest.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Keystone's {@code POST /v3/auth/tokens} body, read once {@code schemas/identity/auth/tokens.json} accepts it. */
@ApplicationScoped
public class AuthRequests {
    /** The identity API has no microversions. */
    static final ApiVersion UNVERSIONED = ApiVersion.of(3, 0);

    private final RequestValidator validator;

    public AuthRequests(RequestValidator validator) {
        this.validator = validator;
    }

    public AuthRequest tokenRequest(JsonNode body) {
        RequestFields auth = validator.body(ApiFamily.KEYSTONE, "identity/auth/tokens", UNVERSIONED, body)
                .object("auth");
        RequestFields identity = auth.object("identity");
        RequestFields user = identity.object("password").object("user");
        List<String> methods = List.copyOf(identity.strings("methods"));
        return new AuthRequest(methods, methods.contains("password")
                ? new PasswordCredentials(user.as(UserRef.class), user.text("password")) : null,
                methods.contains("token") ? identity.object("token").text("id") : null,
                auth.object("scope").has("project") ? auth.object("scope").object("project").as(ProjectRef.class) : null);
    }
}

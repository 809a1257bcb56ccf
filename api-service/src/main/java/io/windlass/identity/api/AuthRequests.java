package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.identity.service.AuthRequest;
import io.windlass.identity.service.AuthRequest.DomainRef;
import io.windlass.identity.service.AuthRequest.PasswordCredentials;
import io.windlass.identity.service.AuthRequest.ProjectRef;
import io.windlass.identity.service.AuthRequest.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Keystone's {@code POST /v3/auth/tokens} body, read once {@code schemas/identity/auth/tokens.json}
 * accepts it. Methods and scopes this deployment does not offer are 401s, as in Keystone.
 */
@ApplicationScoped
public class AuthRequests {
    /** The identity API has no microversions. */
    private static final ApiVersion UNVERSIONED = ApiVersion.of(3, 0);

    private final RequestValidator validator;

    public AuthRequests(RequestValidator validator) {
        this.validator = validator;
    }

    public AuthRequest tokenRequest(JsonNode body) {
        RequestFields auth = new RequestFields(validator.body(ApiFamily.KEYSTONE, "identity/auth/tokens", UNVERSIONED,
                body)).object("auth");
        RequestFields identity = auth.object("identity");
        List<String> methods = identity.strings("methods");
        PasswordCredentials password = null;
        String token = null;
        for (String method : methods) {
            if (!method.equals("password") && !method.equals("token")) {
                throw new KeystoneException(401, "Unsupported authentication method: " + method);
            }
            if (!identity.has(method)) {
                throw KeystoneException.badRequest("Invalid input for field 'auth/identity': '" + method
                        + "' is a required property");
            }
            if (method.equals("password")) {
                RequestFields user = identity.object("password").object("user");
                password = new PasswordCredentials(new UserRef(user.text("id"), user.text("name"),
                        domain(user.object("domain"))), user.text("password"));
            } else {
                token = identity.object("token").text("id");
            }
        }
        return new AuthRequest(List.copyOf(methods), password, token, scope(auth.get("scope")));
    }

    private static ProjectRef scope(JsonNode scope) {
        if (scope.isMissingNode() || scope.isNull() || scope.asText().equals("unscoped")) {
            return null;
        }
        if (scope.has("domain") || scope.has("system")) {
            throw new KeystoneException(401, "Only project scope is supported by this deployment.");
        }
        if (!scope.has("project")) {
            throw KeystoneException.badRequest("Invalid input for field 'auth/scope': 'project' is a required property");
        }
        RequestFields project = new RequestFields(scope.get("project"));
        return new ProjectRef(project.text("id"), project.text("name"), domain(project.object("domain")));
    }

    private static DomainRef domain(RequestFields domain) {
        return domain.node().isObject() ? new DomainRef(domain.text("id"), domain.text("name")) : null;
    }
}

package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.identity.service.AuthRequest;
import io.windlass.identity.service.AuthRequest.DomainRef;
import io.windlass.identity.service.AuthRequest.PasswordCredentials;
import io.windlass.identity.service.AuthRequest.ProjectRef;
import io.windlass.identity.service.AuthRequest.UserRef;

import java.util.ArrayList;
import java.util.List;

/** Reads Keystone's auth body; anything malformed is a 400 naming what is wrong. */
public final class AuthRequestParser {

    private AuthRequestParser() {
    }

    public static AuthRequest parse(JsonNode body) {
        JsonNode auth = object(body, "auth", "auth");
        JsonNode identity = object(auth, "identity", "auth.identity");
        JsonNode methodsNode = identity.get("methods");
        if (methodsNode == null || !methodsNode.isArray() || methodsNode.isEmpty()) {
            throw invalid("auth.identity.methods", "a non-empty list is required");
        }
        List<String> methods = new ArrayList<>();
        methodsNode.forEach(m -> methods.add(m.asText()));
        PasswordCredentials password = null;
        String token = null;
        for (String method : methods) {
            switch (method) {
                case "password" -> password = password(object(identity, "password", "auth.identity.password"));
                case "token" -> token = text(object(identity, "token", "auth.identity.token"), "id",
                        "auth.identity.token.id");
                default -> throw new KeystoneException(401, "Unsupported authentication method: " + method);
            }
        }
        return new AuthRequest(List.copyOf(methods), password, token, scope(auth.get("scope")));
    }

    private static PasswordCredentials password(JsonNode node) {
        JsonNode user = object(node, "user", "auth.identity.password.user");
        String password = text(user, "password", "auth.identity.password.user.password");
        String id = optionalText(user, "id");
        String name = optionalText(user, "name");
        if (id == null && name == null) {
            throw invalid("auth.identity.password.user", "either id or name is required");
        }
        DomainRef domain = domain(user.get("domain"), "auth.identity.password.user.domain");
        if (id == null && domain == null) {
            throw invalid("auth.identity.password.user.domain", "a user given by name needs its domain");
        }
        return new PasswordCredentials(new UserRef(id, name, domain), password);
    }

    private static ProjectRef scope(JsonNode scope) {
        if (scope == null || scope.isNull() || (scope.isTextual() && scope.asText().equals("unscoped"))) {
            return null;
        }
        if (!scope.isObject()) {
            throw invalid("auth.scope", "an object is required");
        }
        if (scope.has("domain") || scope.has("system")) {
            throw new KeystoneException(401, "Only project scope is supported by this deployment.");
        }
        JsonNode project = object(scope, "project", "auth.scope.project");
        String id = optionalText(project, "id");
        String name = optionalText(project, "name");
        DomainRef domain = domain(project.get("domain"), "auth.scope.project.domain");
        if (id == null && (name == null || domain == null)) {
            throw invalid("auth.scope.project", "an id, or a name and a domain, is required");
        }
        return new ProjectRef(id, name, domain);
    }

    private static DomainRef domain(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(where, "an object is required");
        }
        String id = optionalText(node, "id");
        String name = optionalText(node, "name");
        if (id == null && name == null) {
            throw invalid(where, "either id or name is required");
        }
        return new DomainRef(id, name);
    }

    private static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isObject()) {
            throw invalid(where, "an object is required");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String where) {
        String value = optionalText(parent, field);
        if (value == null) {
            throw invalid(where, "a string is required");
        }
        return value;
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static KeystoneException invalid(String field, String why) {
        return KeystoneException.badRequest("Invalid input for field '" + field + "': " + why + ".");
    }
}

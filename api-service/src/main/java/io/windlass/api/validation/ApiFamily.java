package io.windlass.api.validation;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.SchemaValidator.Violation.Kind;
import io.windlass.identity.api.KeystoneException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How each API family answers a request that breaks its schema: the one translator from a
 * {@link SchemaValidator.Violation} to the family's error, worded as its upstream validator words it
 * ({@code zun/api/validation/validators.py}, {@code nova/api/validation/validators.py},
 * {@code keystone/common/validation/validators.py}). Upstream names a nested field by its last
 * path element; Windlass names the whole path ({@code aggregate/name}, {@code template.spec.containers[1].name}),
 * which clients of this API already see.
 */
public enum ApiFamily {
    ZUN("Invalid input for field '%s'.Value: '%s'. %s", "Invalid input for query parameters '%s'. Value: '%s'. %s",
            InvalidInputException.SCHEMA_VALIDATION_ERROR, "Invalid input: the request body must be a JSON object."),
    NOVA("Invalid input for field/attribute %s. Value: %s. %s", "Invalid input for query parameters %s. Value: %s. %s",
            "BadRequest", "Malformed request body"),
    KEYSTONE("Invalid input for field '%1$s': %3$s", "Invalid input for query parameters '%1$s': %3$s", null, null),
    /**
     * Glance checks its queries in code (webob's 400 carries the reason alone) and its bodies against
     * its one schema per resource; image create is the only body validated here.
     */
    GLANCE("Provided object does not match schema 'image': %3$s On instance['%1$s']: %2$s", "%3$s", null, null),
    /** neutron/api/v2/base.py: an attribute's validator failing, answered as webob's HTTPBadRequest. */
    NEUTRON("Invalid input for %1$s. Reason: %3$s.", "Invalid input for %1$s. Reason: %3$s.",
            ApiFamily.NEUTRON_BAD_REQUEST, "Body contains invalid data");

    /** webob's name for a 400, which Neutron's error body shows as its type. */
    public static final String NEUTRON_BAD_REQUEST = "HTTPBadRequest";

    private final String bodyField;
    private final String queryParameter;
    private final String notAnObjectError;
    private final String notAnObject;

    ApiFamily(String bodyField, String queryParameter, String notAnObjectError, String notAnObject) {
        this.bodyField = bodyField;
        this.queryParameter = queryParameter;
        this.notAnObjectError = notAnObjectError;
        this.notAnObject = notAnObject;
    }

    /** The answer to a body that is not a JSON object, where the family has its own words for it. */
    RuntimeException notAnObject() {
        return notAnObject == null ? null : new InvalidInputException(notAnObjectError, notAnObject);
    }

    /** An invalid value is worded with its field; a refusal or a reason about the whole request is its message alone. */
    public RuntimeException error(SchemaValidator.Violation violation, boolean query, ApiVersion version) {
        if (violation.newer() != null && this == ZUN) {
            return InvalidInputException.inVersion(label(violation.newer().path(), false), version,
                    violation.newer().since());
        }
        Kind kind = violation.kind();
        String message = violation.message();
        String detail = kind != Kind.INVALID || violation.path().isEmpty() ? message : String.format(
                query ? queryParameter : bodyField, label(violation.path(), query), PythonRepr.str(violation.instance()),
                message);
        return switch (this) {
            case NEUTRON -> new InvalidInputException(NEUTRON_BAD_REQUEST, detail);
            // a method or scope Keystone does not offer is a 401 there
            case KEYSTONE -> kind == Kind.REFUSED ? KeystoneException.unauthorized(message)
                    : KeystoneException.badRequest(detail);
            case ZUN -> kind == Kind.REFUSED ? InvalidInputException.unsupported(label(violation.path(), false), message)
                    : new InvalidInputException(kind == Kind.REQUEST ? "InvalidValue"
                    : InvalidInputException.SCHEMA_VALIDATION_ERROR, detail);
            case NOVA, GLANCE -> new InvalidInputException(kind == Kind.INVALID
                    ? InvalidInputException.SCHEMA_VALIDATION_ERROR : "BadRequest", detail);
        };
    }

    /** A query parameter by its name; a body field as {@code a.b[0].c} (Zun) or {@code a/b/0/c}. */
    private String label(List<Object> path, boolean query) {
        if (query) {
            return String.valueOf(path.getFirst());
        }
        if (this == NEUTRON) {
            // Neutron validates one attribute at a time and names it alone
            return path.stream().filter(String.class::isInstance).map(String::valueOf).reduce((a, b) -> b).orElse("");
        }
        if (this != ZUN) {
            return path.stream().map(String::valueOf).collect(Collectors.joining("/"));
        }
        StringBuilder dotted = new StringBuilder();
        for (Object element : path) {
            dotted.append(element instanceof Integer i ? "[" + i + "]" : (dotted.isEmpty() ? "" : ".") + element);
        }
        return dotted.toString();
    }
}

package io.windlass.flavor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Nova's flavor requests need beyond their schemas ({@code schemas/compute/flavors/}): extra
 * specs stringified as Nova stores them, one spec per URI, access changes and the list filters.
 */
@ApplicationScoped
public class FlavorRequests {
    private final RequestValidator validator;

    public FlavorRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** {@code POST os-extra_specs}: {@code {"extra_specs": {key: value}}}, values stringified as Nova does. */
    public Map<String, String> extraSpecs(JsonNode body, ApiVersion version) {
        return specs(validator.body(ApiFamily.NOVA, "compute/flavors/extra-specs", version, body).get("extra_specs"));
    }

    /** {@code PUT os-extra_specs/{key}}: exactly that one key. */
    public Map<String, String> extraSpec(JsonNode body, String key, ApiVersion version) {
        if (body != null && body.size() > 1) {
            throw InvalidInputException.badRequest("Request body contains too many items");
        }
        Map<String, String> spec = specs(validator.body(ApiFamily.NOVA, "compute/flavors/extra-spec", version, body)
                .node());
        if (!spec.containsKey(key)) {
            throw InvalidInputException.badRequest("Request body and URI mismatch");
        }
        return spec;
    }

    public AccessChange accessAction(JsonNode body, ApiVersion version) {
        JsonNode action = validator.body(ApiFamily.NOVA, "compute/flavors/action", version, body).node();
        String name = action.fieldNames().next();
        return new AccessChange(name.equals("addTenantAccess"), action.get(name).get("tenant").asText());
    }

    /** Nova's {@code is_public} filter: absent means public only, {@code none} means all. */
    public Optional<Boolean> isPublic(RequestFields query) {
        String value = query.text("is_public");
        return value == null ? Optional.of(true)
                : value.strip().equalsIgnoreCase("none") ? Optional.empty() : OsloBoolean.parse(value);
    }

    public Integer minimum(RequestFields query, String filter) {
        return query.has(filter) ? Integer.valueOf(query.text(filter).strip()) : null;
    }

    /** addTenantAccess (else removeTenantAccess) of a project to a private flavor. */
    public record AccessChange(boolean add, String tenantId) {
    }

    private static Map<String, String> specs(JsonNode specs) {
        Map<String, String> out = new LinkedHashMap<>();
        specs.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isBoolean()
                ? (e.getValue().booleanValue() ? "True" : "False") : e.getValue().asText()));
        return out;
    }
}

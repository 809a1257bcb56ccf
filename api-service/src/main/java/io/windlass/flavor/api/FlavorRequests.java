package io.windlass.flavor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.flavor.service.NewFlavor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nova's flavor requests ({@code flavor_manage}, {@code flavors_extraspecs}, {@code flavor_access}),
 * read once their schemas ({@code schemas/compute/flavors/}) accept them; the list filters keep
 * the wording Nova's code gives them.
 */
@ApplicationScoped
public class FlavorRequests {
    private final RequestValidator validator;

    public FlavorRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** {@code {"flavor": {...}}}; {@code description} from 2.55. */
    public NewFlavor create(JsonNode body, ApiVersion version) {
        RequestFields f = new RequestFields(validator.body(ApiFamily.NOVA, "compute/flavors/create", version, body))
                .object("flavor");
        return new NewFlavor(f.text("name"), f.text("id"), Integer.parseInt(f.text("ram")),
                Integer.parseInt(f.text("vcpus")), Integer.parseInt(f.text("disk")),
                f.has("OS-FLV-EXT-DATA:ephemeral") ? Integer.parseInt(f.text("OS-FLV-EXT-DATA:ephemeral")) : 0,
                f.has("swap") ? Integer.parseInt(f.text("swap")) : 0,
                f.has("rxtx_factor") ? Double.parseDouble(f.text("rxtx_factor")) : 1.0,
                f.bool("os-flavor-access:is_public", true), f.text("description"));
    }

    /** 2.55 {@code PUT /flavors/{id}}: {@code {"flavor": {"description": ...}}}. */
    public String update(JsonNode body, ApiVersion version) {
        return new RequestFields(validator.body(ApiFamily.NOVA, "compute/flavors/update", version, body))
                .object("flavor").text("description");
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
        Map<String, String> spec = specs(validator.body(ApiFamily.NOVA, "compute/flavors/extra-spec", version, body));
        if (!spec.containsKey(key)) {
            throw InvalidInputException.badRequest("Request body and URI mismatch");
        }
        return spec;
    }

    /** {@code addTenantAccess} / {@code removeTenantAccess}: the action and its {@code tenant}. */
    public AccessChange accessAction(JsonNode body, ApiVersion version) {
        JsonNode action = validator.body(ApiFamily.NOVA, "compute/flavors/action", version, body);
        String name = action.fieldNames().next();
        return new AccessChange(name.equals("addTenantAccess"), action.get(name).get("tenant").asText());
    }

    /** The list's sort key and direction. */
    public RequestFields listQuery(Map<String, List<String>> query, ApiVersion version) {
        return new RequestFields(validator.query(ApiFamily.NOVA, "compute/flavors/list-query", version, query));
    }

    /** Nova's {@code is_public} list filter: absent means public only, {@code none} means all. */
    public Optional<Boolean> isPublicFilter(String value) {
        if (value == null) {
            return Optional.of(true);
        }
        if (value.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(OsloBoolean.parse(value).orElseThrow(() ->
                InvalidInputException.badRequest("Invalid is_public filter [" + value + "]")));
    }

    /** {@code minRam}/{@code minDisk}: integers, worded as Nova words them. */
    public Integer minFilter(String name, String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.badRequest("Invalid " + name + " filter [" + value + "]");
        }
    }

    /**
     * A change of a private flavor's access list.
     *
     * @param add      addTenantAccess (else removeTenantAccess)
     * @param tenantId the project
     */
    public record AccessChange(boolean add, String tenantId) {
    }

    private static Map<String, String> specs(JsonNode specs) {
        Map<String, String> out = new LinkedHashMap<>();
        specs.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isBoolean()
                ? (e.getValue().booleanValue() ? "True" : "False") : e.getValue().asText()));
        return out;
    }
}

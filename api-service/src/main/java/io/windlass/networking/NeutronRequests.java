package io.windlass.networking;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestSchemas;
import io.windlass.api.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Neutron request body ({@code {"network": {...}}}) against its schema under
 * {@code schemas/network/}: the resource member must be there, attributes the schema does not
 * declare are refused as Neutron's base controller refuses them, then each attribute is validated.
 */
@ApplicationScoped
public class NeutronRequests {
    /** Neutron has no microversions; the schemas use none. */
    private static final ApiVersion UNVERSIONED = ApiVersion.of(2, 0);

    private final RequestValidator validator;
    private final RequestSchemas schemas;

    public NeutronRequests(RequestValidator validator, RequestSchemas schemas) {
        this.validator = validator;
        this.schemas = schemas;
    }

    /** @param schema e.g. {@code network/networks/create}; @param member e.g. {@code network} */
    public RequestFields body(String schema, String member, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw NeutronException.badRequest(ApiFamily.NEUTRON_BAD_REQUEST, "Body contains invalid data");
        }
        JsonNode resource = body.get(member);
        if (resource == null || !resource.isObject()) {
            throw NeutronException.badRequest(ApiFamily.NEUTRON_BAD_REQUEST,
                    "Unable to find '" + member + "' in request body");
        }
        JsonNode declared = schemas.get(schema).path("properties").path(member).path("properties");
        List<String> unknown = new ArrayList<>();
        resource.fieldNames().forEachRemaining(name -> {
            if (!declared.has(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw NeutronException.badRequest(ApiFamily.NEUTRON_BAD_REQUEST,
                    "Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
        return validator.body(ApiFamily.NEUTRON, schema, UNVERSIONED, body).object(member);
    }
}

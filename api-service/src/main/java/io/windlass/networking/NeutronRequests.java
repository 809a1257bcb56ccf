package io.windlass.networking;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a Neutron request body ({@code {"network": {...}}}) against its schema under
 * {@code schemas/network/}, which refuses a missing resource member and undeclared attributes
 * as Neutron's base controller does before each attribute is validated.
 */
@ApplicationScoped
public class NeutronRequests {
    /** Neutron has no microversions; the schemas use none. */
    private static final ApiVersion UNVERSIONED = ApiVersion.of(2, 0);

    private final RequestValidator validator;

    public NeutronRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** @param schema e.g. {@code network/networks/create}; @param member e.g. {@code network} */
    public RequestFields body(String schema, String member, JsonNode body) {
        return validator.body(ApiFamily.NEUTRON, schema, UNVERSIONED, body).object(member);
    }
}

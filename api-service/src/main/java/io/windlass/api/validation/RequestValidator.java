package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.api.microversion.ApiVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Validates request bodies and query strings against their declared schemas
 * ({@link RequestSchemas}) and answers a violation with the family's error ({@link ApiFamily}).
 */
@ApplicationScoped
public class RequestValidator {
    private final RequestSchemas schemas;
    private final RelaxedValidation relaxation;

    public RequestValidator(RequestSchemas schemas, RelaxedValidation relaxation) {
        this.schemas = schemas;
        this.relaxation = relaxation;
    }

    public RequestFields body(ApiFamily family, String name, ApiVersion version, JsonNode body) {
        JsonNode document = body == null ? NullNode.instance : body;
        if (!document.isObject() && family.notAnObject() != null) {
            throw family.notAnObject();
        }
        return check(family, name, version, document, false);
    }

    /**
     * @return the query as a JSON object, once valid: a parameter whose schema is an array gets all
     *         its values, any other its first (Nova's {@code multi_params}, Zun's {@code params.mixed()})
     */
    public RequestFields query(ApiFamily family, String name, ApiVersion version, Map<String, List<String>> query) {
        JsonNode properties = schemas.get(name).path("properties");
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        query.forEach((parameter, values) -> {
            if (properties.path(parameter).path("type").asText().equals("array")) {
                values.forEach(document.putArray(parameter)::add);
            } else if (!values.isEmpty()) {
                document.put(parameter, values.getFirst());
            }
        });
        return check(family, name, version, document, true);
    }

    private RequestFields check(ApiFamily family, String name, ApiVersion version, JsonNode document, boolean query) {
        JsonNode schema = schemas.get(name);
        SchemaValidator.Violation violation = new SchemaValidator(version, relaxation.relaxed())
                .firstViolation(schema, document);
        // a schema may name its body's top-level field for failures nested inside it
        if (violation != null && violation.path().size() > 1 && schema.path("x-error-path").asText().equals("field")) {
            Object field = violation.path().getFirst();
            violation = new SchemaValidator.Violation(List.of(field), document.get((String) field), violation.message(),
                    violation.kind(), violation.newer());
        }
        if (violation != null) {
            throw family.error(violation, query, version);
        }
        return new RequestFields(document, schema);
    }
}

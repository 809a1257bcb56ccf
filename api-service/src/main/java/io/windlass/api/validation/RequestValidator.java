package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.windlass.api.microversion.ApiVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates request bodies and query strings against their declared schemas
 * ({@link RequestSchemas}) and answers a violation with the family's error ({@link ApiFamily}).
 */
@ApplicationScoped
public class RequestValidator {
    private final RequestSchemas schemas;
    private final SchemaValidator checker = new SchemaValidator();

    public RequestValidator(RequestSchemas schemas) {
        this.schemas = schemas;
    }

    /** @return the body, once it is valid under schema {@code name} at {@code version} */
    public JsonNode body(ApiFamily family, String name, ApiVersion version, JsonNode body) {
        JsonNode document = body == null ? NullNode.instance : body;
        if (!document.isObject() && family.notAnObject() != null) {
            throw family.notAnObject();
        }
        check(family, name, version, document, false);
        return document;
    }

    /**
     * @return the query as a JSON object, once valid: a parameter whose schema is an array gets all
     *         its values, any other its first (Nova's {@code multi_params}, Zun's {@code params.mixed()})
     */
    public JsonNode query(ApiFamily family, String name, ApiVersion version, Map<String, List<String>> query) {
        JsonNode properties = schemas.at(name, version).path("properties");
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        query.forEach((parameter, values) -> {
            if (properties.path(parameter).path("type").asText().equals("array")) {
                values.forEach(document.putArray(parameter)::add);
            } else if (!values.isEmpty()) {
                document.put(parameter, values.getFirst());
            }
        });
        check(family, name, version, document, true);
        return document;
    }

    /** The query parameters schema {@code name} declares at {@code version}. */
    public Set<String> parameters(String name, ApiVersion version) {
        Set<String> names = new TreeSet<>();
        schemas.at(name, version).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void check(ApiFamily family, String name, ApiVersion version, JsonNode document, boolean query) {
        JsonNode schema = schemas.at(name, version);
        SchemaViolation violation = checker.firstViolation(schema, document);
        if (violation == null) {
            return;
        }
        // a schema may name its body's top-level field for failures nested inside it
        if (schema.path("x-error-path").asText().equals("field") && violation.path().size() > 1) {
            Object field = violation.path().getFirst();
            violation = new SchemaViolation(List.of(field), document.get((String) field), violation.message(),
                    violation.newer());
        }
        throw family.error(violation, query, version);
    }
}

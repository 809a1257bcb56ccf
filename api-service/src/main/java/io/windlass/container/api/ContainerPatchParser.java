package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.container.service.ContainerPatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.Set;

/** Validates a {@code PATCH /containers/{ident}} body: cpu, memory, name, auto_heal only. */
@ApplicationScoped
public class ContainerPatchParser {
    private static final Set<String> FIELDS = Set.of("cpu", "memory", "name", "auto_heal");

    private final ResourceAmounts amounts;

    public ContainerPatchParser(ResourceAmounts amounts) {
        this.amounts = amounts;
    }

    public ContainerPatch parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                    "Invalid input: the request body must be a JSON object.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                        "Invalid input for field '" + field + "'. Additional properties are not allowed ('"
                                + field + "' was unexpected)");
            }
        }
        String name = null;
        if (body.hasNonNull("name")) {
            name = CreateContainerRequestParser.string(body.get("name"), "name", 2, 255,
                    CreateContainerRequestParser.NAME, false);
        }
        Boolean autoHeal = null;
        if (body.hasNonNull("auto_heal")) {
            JsonNode value = body.get("auto_heal");
            if (!value.isBoolean()) {
                throw InvalidInputException.field("auto_heal", value, "It must be a boolean.");
            }
            autoHeal = value.booleanValue();
        }
        Double cpu = body.hasNonNull("cpu") ? amounts.cpu(body.get("cpu")) : null;
        Integer memory = body.hasNonNull("memory") ? amounts.memory(body.get("memory")) : null;
        return new ContainerPatch(name, autoHeal, cpu, memory);
    }
}

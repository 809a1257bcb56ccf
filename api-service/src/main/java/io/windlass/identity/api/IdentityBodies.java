package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.identity.persistence.DomainEntity;
import io.windlass.identity.persistence.IdentityRepository;

/** Reading the small admin request bodies ({@code {"project": {...}}}, {@code {"user": {...}}}). */
final class IdentityBodies {

    private IdentityBodies() {
    }

    static JsonNode object(JsonNode body, String key) {
        JsonNode node = body == null ? null : body.get(key);
        if (node == null || !node.isObject()) {
            throw KeystoneException.badRequest("Expecting to find " + key + " in request body.");
        }
        return node;
    }

    static String name(JsonNode object) {
        JsonNode name = object.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 255) {
            throw KeystoneException.badRequest("Invalid input for field 'name': a string of 1-255 characters "
                    + "is required.");
        }
        return name.asText();
    }

    /** The body's {@code domain_id} (which must exist), else the Default domain. */
    static String domainId(JsonNode object, IdentityRepository repository) {
        String id = object.path("domain_id").asText(null);
        if (id == null) {
            return DomainEntity.DEFAULT_ID;
        }
        return repository.domain(id).orElseThrow(() -> KeystoneException.notFound("domain", id)).id;
    }
}

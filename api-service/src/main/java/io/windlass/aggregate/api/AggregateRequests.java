package io.windlass.aggregate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.aggregate.service.AggregateChange;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Nova's aggregate requests, read once their schemas ({@code schemas/compute/aggregates/}) accept them. */
@ApplicationScoped
public class AggregateRequests {
    private final RequestValidator validator;

    public AggregateRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** Nova validates the id as an integer before anything else. */
    public int aggregateId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("InvalidInput", "Invalid input received: id must be an integer");
        }
    }

    /** {@code {"aggregate": {"name", "availability_zone"?}}}. */
    public NewAggregate create(JsonNode body, ApiVersion version) {
        RequestFields a = aggregate("compute/aggregates/create", body, version);
        return new NewAggregate(a.text("name"), Optional.ofNullable(a.text("availability_zone")));
    }

    /** {@code {"aggregate": {"name"?, "availability_zone"?}}}, at least one; the name is stored stripped. */
    public AggregateChange update(JsonNode body, ApiVersion version) {
        RequestFields a = aggregate("compute/aggregates/update", body, version);
        Optional<String> name = Optional.ofNullable(a.text("name")).map(String::strip);
        if (name.isPresent() && name.get().isEmpty()) {
            throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                    "Invalid input for field/attribute aggregate/name. Value: " + a.text("name") + ". '' is too short");
        }
        return new AggregateChange(name, Optional.ofNullable(a.text("availability_zone")));
    }

    /** One of add_host, remove_host, set_metadata. */
    public AggregateAction action(JsonNode body, ApiVersion version) {
        RequestFields action = new RequestFields(validator.body(ApiFamily.NOVA, "compute/aggregates/action", version,
                body));
        if (action.has("add_host")) {
            return new AggregateAction.AddHost(action.object("add_host").text("host"));
        }
        if (action.has("remove_host")) {
            return new AggregateAction.RemoveHost(action.object("remove_host").text("host"));
        }
        Map<String, Optional<String>> metadata = new LinkedHashMap<>();
        action.object("set_metadata").get("metadata").fields().forEachRemaining(e ->
                metadata.put(e.getKey(), e.getValue().isNull() ? Optional.empty() : Optional.of(e.getValue().asText())));
        return new AggregateAction.SetMetadata(metadata);
    }

    /** 2.81 {@code {"cache": [{"id": ...}, ...]}}: at least one image, no duplicates. */
    public List<String> cacheImages(JsonNode body, ApiVersion version) {
        JsonNode cache = validator.body(ApiFamily.NOVA, "compute/aggregates/images", version, body).get("cache");
        List<String> ids = new ArrayList<>();
        cache.forEach(image -> ids.add(image.get("id").asText()));
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() != ids.size()) {
            throw InvalidInputException.badRequest("Duplicate images in request");
        }
        return List.copyOf(distinct);
    }

    private RequestFields aggregate(String schema, JsonNode body, ApiVersion version) {
        return new RequestFields(validator.body(ApiFamily.NOVA, schema, version, body)).object("aggregate");
    }

    /**
     * A validated create request.
     *
     * @param name             aggregate name
     * @param availabilityZone zone to store as metadata, if any
     */
    public record NewAggregate(String name, Optional<String> availabilityZone) {
    }
}

package io.windlass.aggregate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.aggregate.service.AggregateChange;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What Nova's aggregate requests need beyond their schemas ({@code schemas/compute/aggregates/}). */
@ApplicationScoped
public class AggregateRequests {
    private final RequestValidator validator;

    public AggregateRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** The {@code {id}} of {@code /os-aggregates/{id}}, valid under {@code compute/aggregates/id.json}. */
    public int aggregateId(String id, ApiVersion version) {
        validator.query(ApiFamily.NOVA, "compute/aggregates/id", version, Map.of("id", List.of(id)));
        return Integer.parseInt(id);
    }

    /** The name is stored stripped. */
    public AggregateChange update(JsonNode body, ApiVersion version) {
        RequestFields a = validator.body(ApiFamily.NOVA, "compute/aggregates/update", version, body).object("aggregate");
        return new AggregateChange(Optional.ofNullable(a.text("name")).map(String::strip),
                Optional.ofNullable(a.text("availability_zone")));
    }

    public AggregateAction action(JsonNode body, ApiVersion version) {
        RequestFields action = validator.body(ApiFamily.NOVA, "compute/aggregates/action", version, body);
        return action.has("add_host") ? action.object("add_host").as(AggregateAction.AddHost.class)
                : action.has("remove_host") ? action.object("remove_host").as(AggregateAction.RemoveHost.class)
                : action.object("set_metadata").as(AggregateAction.SetMetadata.class);
    }

    public List<String> cacheImages(JsonNode body, ApiVersion version) {
        return validator.body(ApiFamily.NOVA, "compute/aggregates/images", version, body).items("cache")
                .map(image -> image.text("id")).toList();
    }
}

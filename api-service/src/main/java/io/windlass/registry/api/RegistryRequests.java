package io.windlass.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.registry.persistence.RegistryRepository;
import io.windlass.registry.service.NewRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Zun's registry requests, read once their schemas ({@code schemas/container/registries/}) accept them. */
@ApplicationScoped
public class RegistryRequests {
    private final RequestValidator validator;

    public RegistryRequests(RequestValidator validator) {
        this.validator = validator;
    }

    public NewRegistry create(JsonNode body, ApiVersion version) {
        return validator.body(ApiFamily.ZUN, "container/registries/create", version, body).object("registry")
                .as(NewRegistry.class);
    }

    /** The fields to change; each absent one null. */
    public NewRegistry update(JsonNode body, ApiVersion version) {
        return validator.body(ApiFamily.ZUN, "container/registries/update", version, body).object("registry")
                .as(NewRegistry.class);
    }

    public ListQuery list(Map<String, List<String>> query, ApiVersion version, int maxLimit) {
        RequestFields f = validator.query(ApiFamily.ZUN, "container/registries/list-query", version, query);
        Map<String, String> filters = new LinkedHashMap<>();
        RegistryRepository.FILTERS.stream().sorted().filter(f::has).forEach(name -> filters.put(name, f.text(name)));
        return f.as(ListQuery.class, "limit", f.limit(maxLimit), "filters", filters);
    }

    /**
     * A validated {@code GET /registries}.
     *
     * @param marker  uuid of the last registry of the previous page, or null
     * @param filters Zun's filters (column to value)
     */
    public record ListQuery(int limit, UUID marker, String sortKey, String sortDir, boolean allProjects,
                            Map<String, String> filters) {
    }
}

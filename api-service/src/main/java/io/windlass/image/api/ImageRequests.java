package io.windlass.image.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.ApiException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.image.service.ImageUploads;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Glance's image requests, checked against {@code schemas/image/images/*.json}. */
@ApplicationScoped
public class ImageRequests {
    /** The image API has no microversions. */
    static final ApiVersion UNVERSIONED = ApiVersion.of(2, 0);

    /** {@code glance/api/v2/images.py}: what the service writes, which a creator gets a 403 for. */
    private static final Set<String> READ_ONLY = Set.of("checksum", "os_hash_algo", "os_hash_value", "created_at",
            "updated_at", "status", "size", "virtual_size", "direct_url", "self", "file", "schema", "stores");
    private static final Set<String> RESERVED = Set.of("location", "locations", "deleted", "deleted_at");
    /** The schema's own attributes; every other member is an additional property. */
    private static final Set<String> BASE = Set.of("id", "name", "visibility", "protected", "os_hidden", "owner",
            "container_format", "disk_format", "min_ram", "min_disk", "tags");

    private final RequestValidator validator;

    public ImageRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** {@code POST /v2/images}. */
    public ImageUploads.Creation create(JsonNode body) {
        if (body != null && body.isObject()) {
            body.fieldNames().forEachRemaining(ImageRequests::refuseServiceOwned);
        }
        RequestFields given = validator.body(ApiFamily.GLANCE, "image/images/create", UNVERSIONED, body);
        Map<String, String> properties = new LinkedHashMap<>();
        given.node().fields().forEachRemaining(member -> {
            if (!BASE.contains(member.getKey())) {
                properties.put(member.getKey(), member.getValue().asText());
            }
        });
        return new ImageUploads.Creation(
                given.has("id") ? UUID.fromString(given.text("id")) : null,
                textOrNull(given, "name"), textOrNull(given, "visibility"), textOrNull(given, "owner"),
                textOrNull(given, "container_format"), textOrNull(given, "disk_format"),
                given.has("min_ram") ? given.get("min_ram").asInt() : 0,
                given.has("min_disk") ? given.get("min_disk").asInt() : 0,
                given.has("tags") ? given.strings("tags").stream().distinct().toList() : List.of(),
                properties);
    }

    private static void refuseServiceOwned(String attribute) {
        if (READ_ONLY.contains(attribute)) {
            throw new ApiException(403, "Forbidden", "Attribute '" + attribute + "' is read-only.");
        }
        if (RESERVED.contains(attribute)) {
            throw new ApiException(403, "Forbidden", "Attribute '" + attribute + "' is reserved.");
        }
    }

    private static String textOrNull(RequestFields given, String field) {
        return given.has(field) && !given.get(field).isNull() ? given.text(field) : null;
    }
}

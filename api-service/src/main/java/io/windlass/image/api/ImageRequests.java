package io.windlass.image.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.image.service.ImageUpdates;
import io.windlass.image.service.ImageUploads;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** What Windlass keeps fixed once the image exists: it hides no images ({@code os_hidden} is always false). */
    private static final Set<String> FIXED = Set.of("os_hidden");

    private final RequestValidator validator;
    private final ObjectMapper json;

    public ImageRequests(RequestValidator validator, ObjectMapper json) {
        this.validator = validator;
        this.json = json;
    }

    /** {@code POST /v2/images}. */
    public ImageUploads.Creation create(JsonNode body) {
        if (body != null && body.isObject()) {
            body.fieldNames().forEachRemaining(ImageRequests::refuseServiceOwned);
        }
        return creation(validator.body(ApiFamily.GLANCE, "image/images/create", UNVERSIONED, body));
    }

    /**
     * {@code PATCH /v2/images/{id}}: Glance's json-patch ({@link ImagePatch}) applied to the image's
     * settable attributes as {@code glance/api/v2/images.py} applies each operation, and the result
     * checked as a create would be. Who may change the owner is the service's to decide.
     *
     * @param contentType the request's; Glance takes its two json-patch media types only (415)
     */
    public ImageUpdates.Update patch(ImageUploads.Creation current, String contentType, String text) {
        int draft = ImagePatch.draft(contentType);
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.badRequest("Malformed JSON in request body.");
        }
        ImagePatch patch = ImagePatch.of(draft, body);
        ObjectNode document = json.valueToTree(Map.of());
        document.put("name", current.name());
        document.put("visibility", current.visibility());
        document.put("owner", current.owner());
        document.put("protected", current.protectedImage());
        document.put("container_format", current.containerFormat());
        document.put("disk_format", current.diskFormat());
        document.put("min_ram", current.minRam());
        document.put("min_disk", current.minDisk());
        document.set("tags", json.valueToTree(current.tags()));
        current.properties().forEach(document::put);
        for (ImagePatch.Change change : patch.changes()) {
            apply(document, change, patch.draft4());
        }
        ImageUploads.Creation after = creation(validator.body(ApiFamily.GLANCE, "image/images/create", UNVERSIONED,
                document));
        boolean formats = !Objects.equals(after.containerFormat(), current.containerFormat())
                || !Objects.equals(after.diskFormat(), current.diskFormat());
        return new ImageUpdates.Update(after, formats);
    }

    /** Glance's {@code _validate_change}, then its {@code _do_add}, {@code _do_replace} or {@code _do_remove}. */
    private static void apply(ObjectNode document, ImagePatch.Change change, boolean draft4) {
        String attribute = change.attribute();
        if (attribute.equals("id")) {
            throw new ApiException(403, "Forbidden", "Attribute 'id' is read-only.");
        }
        refuseServiceOwned(attribute);
        if (FIXED.contains(attribute)) {
            throw new ApiException(403, "Forbidden", "Attribute '" + attribute + "' is read-only.");
        }
        boolean base = BASE.contains(attribute);
        switch (change.op()) {
            case "remove" -> {
                if (base) {
                    throw new ApiException(403, "Forbidden", "Property " + attribute + " may not be removed.");
                }
                if (document.remove(attribute) == null) {
                    throw new ConflictException("Conflict", "Property " + attribute + " does not exist.");
                }
            }
            case "replace" -> {
                if (!base && !document.has(attribute)) {
                    throw new ConflictException("Conflict", "Property " + attribute + " does not exist.");
                }
                document.set(attribute, change.value());
            }
            default -> {
                // the older media type's add is JSON Schema draft 4's: it never overwrites
                if (draft4 && (base || document.has(attribute))) {
                    throw new ConflictException("Conflict", "Property " + attribute + " already present.");
                }
                document.set(attribute, change.value());
            }
        }
    }

    /** {@code PUT /v2/images/{id}/tags/{tag}}: the tag checked as one of the image's {@code tags}. */
    public String tag(String tag) {
        ObjectNode document = json.valueToTree(Map.of());
        document.putArray("tags").add(tag);
        validator.body(ApiFamily.GLANCE, "image/images/create", UNVERSIONED, document);
        return tag;
    }

    private static ImageUploads.Creation creation(RequestFields given) {
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
                properties, given.has("protected") && given.get("protected").asBoolean());
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

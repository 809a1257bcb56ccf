package io.windlass.image.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Glance's json-patch request ({@code glance/api/v2/images.py RequestDeserializer.update}) read
 * into its changes, in Glance's words. Two media types, two spellings of an operation:
 * {@code application/openstack-images-v2.1-json-patch} (JSON Schema draft 10,
 * {@code {"op": "replace", "path": "/name", "value": ...}}) and the older
 * {@code application/openstack-images-v2.0-json-patch} (draft 4, the operation as the member's
 * name: {@code {"replace": "/name", "value": ...}}), which Tempest still sends. Paths are one level
 * deep (Windlass keeps no locations, the only deeper path Glance has).
 */
record ImagePatch(List<Change> changes, int draft) {
    /** Glance's draft version for each media type. */
    private static final Map<String, Integer> DRAFTS = Map.of(
            "application/openstack-images-v2.0-json-patch", 4,
            "application/openstack-images-v2.1-json-patch", 10);
    private static final List<String> OPERATIONS = List.of("add", "remove", "replace");
    private static final Pattern ADJACENT_SLASHES = Pattern.compile("/\\s*?/");
    private static final Pattern BAD_ESCAPE = Pattern.compile("~[^01]");

    /**
     * One change: an operation on an attribute.
     *
     * @param value null for {@code remove}
     */
    record Change(String op, String attribute, JsonNode value) {
    }

    /** Whether this is the older media type, whose {@code add} refuses an attribute already there. */
    boolean draft4() {
        return draft == 4;
    }

    /** The draft of a request's Content-Type; Glance answers any other type 415. */
    static int draft(String contentType) {
        Integer draft = contentType == null ? null
                : DRAFTS.get(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT));
        if (draft == null) {
            throw new ApiException(415, "UnsupportedMediaType", "Image PATCH expects Content-Type one of: "
                    + String.join(", ", DRAFTS.keySet().stream().sorted().toList()));
        }
        return draft;
    }

    static ImagePatch of(int draft, JsonNode body) {
        if (body == null || !body.isArray()) {
            throw InvalidInputException.badRequest("Request body must be a JSON array of operation objects.");
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode raw : body) {
            if (!raw.isObject()) {
                throw InvalidInputException.badRequest("Operations must be JSON objects.");
            }
            String op = draft == 10 ? operationD10(raw) : operationD4(raw);
            JsonNode pointer = draft == 10 ? pathD10(raw) : raw.get(op);
            List<String> path = decode(pointer);
            if (path.size() != 1) {
                throw InvalidInputException.badRequest("Invalid JSON pointer for this resource: '/"
                        + String.join("/", path) + "'");
            }
            JsonNode value = null;
            if (!op.equals("remove")) {
                if (!raw.has("value")) {
                    throw InvalidInputException.badRequest("Operation \"" + op + "\" requires a member named "
                            + "\"value\".");
                }
                value = raw.get("value");
            }
            changes.add(new Change(op, path.getFirst(), value));
        }
        return new ImagePatch(List.copyOf(changes), draft);
    }

    private static String operationD10(JsonNode raw) {
        JsonNode op = raw.get("op");
        if (op == null || op.isNull()) {
            throw InvalidInputException.badRequest("Unable to find `op` in JSON Schema change. It must be one of "
                    + "the following: add, remove, replace.");
        }
        if (!op.isTextual() || !OPERATIONS.contains(op.asText())) {
            throw InvalidInputException.badRequest("Invalid operation: `" + (op.isTextual() ? op.asText() : op)
                    + "`. It must be one of the following: add, remove, replace.");
        }
        return op.asText();
    }

    private static String operationD4(JsonNode raw) {
        String op = null;
        for (String candidate : OPERATIONS) {
            if (raw.has(candidate)) {
                if (op != null) {
                    throw InvalidInputException.badRequest("Operation objects must contain only one member named "
                            + "\"add\", \"remove\", or \"replace\".");
                }
                op = candidate;
            }
        }
        if (op == null) {
            throw InvalidInputException.badRequest("Operation objects must contain exactly one member named "
                    + "\"add\", \"remove\", or \"replace\".");
        }
        return op;
    }

    private static JsonNode pathD10(JsonNode raw) {
        if (!raw.has("path")) {
            throw InvalidInputException.badRequest("Unable to find 'path' in JSON Schema change");
        }
        return raw.get("path");
    }

    /** Glance's {@code _decode_json_pointer}: its checks, then the tokens unescaped and stripped. */
    private static List<String> decode(JsonNode node) {
        String pointer = node == null || node.isNull() ? "None" : node.isTextual() ? node.asText() : node.toString();
        if (!pointer.startsWith("/")) {
            throw pointerError("Pointer `" + pointer + "` does not start with \"/\".");
        }
        if (ADJACENT_SLASHES.matcher(pointer.substring(1)).find()) {
            throw pointerError("Pointer `" + pointer + "` contains adjacent \"/\".");
        }
        if (pointer.length() > 1 && pointer.endsWith("/")) {
            throw pointerError("Pointer `" + pointer + "` end with \"/\".");
        }
        if (pointer.substring(1).strip().equals("/")) {
            throw pointerError("Pointer `" + pointer + "` does not contains valid token.");
        }
        if (BAD_ESCAPE.matcher(pointer).find() || pointer.endsWith("~")) {
            throw pointerError("Pointer `" + pointer + "` contains \"~\" not part of a recognized escape sequence.");
        }
        List<String> tokens = new ArrayList<>();
        String body = pointer.replaceFirst("^/+", "");
        for (String part : body.split("/", -1)) {
            tokens.add(part.replace("~1", "/").replace("~0", "~").strip());
        }
        return tokens;
    }

    private static InvalidInputException pointerError(String message) {
        return InvalidInputException.badRequest(message);
    }
}

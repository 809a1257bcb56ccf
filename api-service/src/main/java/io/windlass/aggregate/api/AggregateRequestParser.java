package io.windlass.aggregate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.aggregate.service.AggregateChange;
import io.windlass.api.error.InvalidInputException;
import io.windlass.compute.api.ComputeInput;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Nova's request schemas for aggregates ({@code nova/api/openstack/compute/schemas/aggregates.py}
 * and {@code aggregate_images.py}), with messages in jsonschema's words naming the field.
 */
@ApplicationScoped
public class AggregateRequestParser {
    private static final int MAX_LENGTH = 255;
    // printable, no leading or trailing whitespace (Nova's "name" parameter type)
    private static final Pattern NAME = Pattern.compile("^(?!\\s)[\\p{Print}\\p{L}\\p{N}]*(?<!\\s)$");
    private static final Pattern PRINTABLE = Pattern.compile("^[\\p{Print}\\p{L}\\p{N}]*$");
    private static final Pattern AZ = Pattern.compile("^[^:]*$");
    private static final Pattern HOST = Pattern.compile("^[a-zA-Z0-9-._]*$");
    private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
    private static final Set<String> ACTIONS = Set.of("add_host", "remove_host", "set_metadata");

    /** Nova validates the id as an integer before anything else. */
    public int aggregateId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("InvalidInput", "Invalid input received: id must be an integer");
        }
    }

    /** {@code {"aggregate": {"name", "availability_zone"?}}}. */
    public NewAggregate create(JsonNode body) {
        JsonNode aggregate = ComputeInput.wrapper(body, "aggregate");
        ComputeInput.onlyKeys(aggregate, "aggregate", Set.of("name", "availability_zone"));
        if (!aggregate.has("name")) {
            throw ComputeInput.invalid("aggregate", aggregate, "'name' is a required property");
        }
        String name = string(aggregate.get("name"), "aggregate/name", NAME);
        JsonNode az = aggregate.get("availability_zone");
        Optional<String> zone = az == null || az.isNull() ? Optional.empty()
                : Optional.of(string(az, "aggregate/availability_zone", AZ));
        return new NewAggregate(name, zone);
    }

    /** {@code {"aggregate": {"name"?, "availability_zone"?}}}, at least one. */
    public AggregateChange update(JsonNode body) {
        JsonNode aggregate = ComputeInput.wrapper(body, "aggregate");
        ComputeInput.onlyKeys(aggregate, "aggregate", Set.of("name", "availability_zone"));
        if (!aggregate.has("name") && !aggregate.has("availability_zone")) {
            throw ComputeInput.invalid("aggregate", aggregate, aggregate + " is not valid under any of the given schemas");
        }
        // update accepts surrounding spaces in the name, and stores it stripped
        Optional<String> name = aggregate.has("name")
                ? Optional.of(string(aggregate.get("name"), "aggregate/name", PRINTABLE).strip()) : Optional.empty();
        if (name.isPresent() && name.get().isEmpty()) {
            throw ComputeInput.invalid("aggregate/name", aggregate.get("name"), "'' is too short");
        }
        Optional<String> zone = aggregate.has("availability_zone")
                ? Optional.of(string(aggregate.get("availability_zone"), "aggregate/availability_zone", AZ))
                : Optional.empty();
        return new AggregateChange(name, zone);
    }

    /** One of add_host, remove_host, set_metadata. */
    public AggregateAction action(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        if (body.size() != 1) {
            List<String> names = new ArrayList<>();
            body.fieldNames().forEachRemaining(names::add);
            throw ComputeInput.invalid(names.isEmpty() ? "action" : String.join(", ", names), body,
                    "Exactly one action is allowed per request, got " + body.size());
        }
        String action = body.fieldNames().next();
        if (!ACTIONS.contains(action)) {
            throw ComputeInput.invalid(action, body.get(action), "There is no such action: " + action);
        }
        JsonNode args = body.get(action);
        if (!args.isObject()) {
            throw ComputeInput.invalid(action, args, args + " is not of type 'object'");
        }
        return switch (action) {
            case "add_host" -> new AggregateAction.AddHost(host(args, action));
            case "remove_host" -> new AggregateAction.RemoveHost(host(args, action));
            default -> new AggregateAction.SetMetadata(metadata(args));
        };
    }

    /** {@code {"cache": [{"id": ...}, ...]}}: at least one, no duplicates, nothing else. */
    public List<String> cacheImages(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        ComputeInput.onlyKeys(body, "", Set.of("cache"));
        JsonNode cache = body.get("cache");
        if (cache == null) {
            throw ComputeInput.invalid("", body, "'cache' is a required property");
        }
        if (!cache.isArray()) {
            throw ComputeInput.invalid("cache", cache, cache + " is not of type 'array'");
        }
        if (cache.isEmpty()) {
            throw ComputeInput.invalid("cache", cache, "[] is too short");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < cache.size(); i++) {
            JsonNode item = cache.get(i);
            String path = "cache/" + i;
            if (!item.isObject()) {
                throw ComputeInput.invalid(path, item, item + " is not of type 'object'");
            }
            ComputeInput.onlyKeys(item, path, Set.of("id"));
            if (!item.has("id")) {
                throw ComputeInput.invalid(path, item, "'id' is a required property");
            }
            ids.add(string(item.get("id"), path + "/id", PRINTABLE));
        }
        if (ids.size() != cache.size()) {
            throw ComputeInput.badRequest("Duplicate images in request");
        }
        return List.copyOf(ids);
    }

    private static String host(JsonNode args, String action) {
        ComputeInput.onlyKeys(args, action, Set.of("host"));
        if (!args.has("host")) {
            throw ComputeInput.invalid(action, args, "'host' is a required property");
        }
        return string(args.get("host"), action + "/host", HOST);
    }

    private static Map<String, Optional<String>> metadata(JsonNode args) {
        ComputeInput.onlyKeys(args, "set_metadata", Set.of("metadata"));
        JsonNode metadata = args.get("metadata");
        if (metadata == null) {
            throw ComputeInput.invalid("set_metadata", args, "'metadata' is a required property");
        }
        if (!metadata.isObject()) {
            throw ComputeInput.invalid("set_metadata/metadata", metadata, metadata + " is not of type 'object'");
        }
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (!METADATA_KEY.matcher(key).matches()) {
                throw ComputeInput.invalid("set_metadata/metadata", metadata,
                        "Additional properties are not allowed ('" + key + "' was unexpected)");
            }
            String path = "set_metadata/metadata/" + key;
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                out.put(key, Optional.empty());
            } else if (!value.isTextual()) {
                throw ComputeInput.invalid(path, value, value + " is not of type 'string', 'null'");
            } else if (value.textValue().length() > MAX_LENGTH) {
                throw ComputeInput.invalid(path, value, "'" + value.textValue() + "' is too long");
            } else if (key.equals("availability_zone") && value.textValue().isEmpty()) {
                throw ComputeInput.invalid(path, value, "'' is too short");
            } else {
                out.put(key, Optional.of(value.textValue()));
            }
        }
        return out;
    }


    private static String string(JsonNode value, String path, Pattern pattern) {
        if (value == null || !value.isTextual()) {
            throw ComputeInput.invalid(path, value, value + " is not of type 'string'");
        }
        String text = value.textValue();
        if (text.isEmpty()) {
            throw ComputeInput.invalid(path, value, "'' is too short");
        }
        if (text.length() > MAX_LENGTH) {
            throw ComputeInput.invalid(path, value, "'" + text + "' is too long");
        }
        if (!pattern.matcher(text).matches()) {
            throw ComputeInput.invalid(path, value, "'" + text + "' does not match '" + pattern.pattern() + "'");
        }
        return text;
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

package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.api.microversion.ApiVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request schemas under {@code schemas/} on the class path, one file per request, each as it
 * stands at one microversion. A file declares every field once with the range it exists in, the
 * way Nova's and Zun's schema modules derive one schema per range from the one before:
 * <ul>
 *   <li>{@code "x-since": "2.19"} / {@code "x-until": "2.56"} on a subschema: outside the range it
 *       is dropped (from {@code properties}, or from an {@code allOf}/{@code anyOf} list); a
 *       property dropped for being too new is remembered as {@code x-newer}, so that naming it is
 *       a "too new" failure;</li>
 *   <li>{@code "x-from": {"2.37": {...}}}: from that version on, those keywords replace the
 *       subschema's own;</li>
 *   <li>{@code "$ref": "parameter-types#/boolean"} (another file) or {@code "#/x"} (this file):
 *       replaced by the target, with the referring object's other keywords laid over it;</li>
 *   <li>{@code "${name}"}: a deployment setting (container limits), given to the constructor.</li>
 * </ul>
 */
public class RequestSchemas {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> parameters;
    private final Map<String, JsonNode> files = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> atVersion = new ConcurrentHashMap<>();

    public RequestSchemas(Map<String, JsonNode> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** The schema {@code name} ({@code compute/servers/create}) as it is at {@code version}. */
    public JsonNode at(String name, ApiVersion version) {
        String key = name + "@" + version;
        JsonNode schema = atVersion.get(key);
        return schema != null ? schema : putIfAbsent(atVersion, key, materialize(file(name), version));
    }

    private JsonNode file(String name) {
        JsonNode loaded = files.get(name);
        if (loaded != null) {
            return loaded;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no request schema " + name);
            }
            JsonNode raw = json.readTree(in);
            return putIfAbsent(files, name, resolve(raw, raw, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request schema " + name, e);
        }
    }

    /** Not computeIfAbsent: resolving one file loads the files it refers to into the same map. */
    private static JsonNode putIfAbsent(Map<String, JsonNode> cache, String key, JsonNode value) {
        JsonNode earlier = cache.putIfAbsent(key, value);
        return earlier != null ? earlier : value;
    }

    private JsonNode resolve(JsonNode node, JsonNode root, String file) {
        if (node.isTextual() && isSetting(node.textValue())) {
            return setting(node.textValue(), file);
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(item -> out.add(resolve(item, root, file)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = json.createObjectNode();
        if (node.has("$ref")) {
            String ref = node.get("$ref").textValue();
            int hash = ref.indexOf('#');
            String target = hash > 0 ? ref.substring(0, hash) : file;
            JsonNode targetRoot = hash > 0 ? file(target) : root;
            JsonNode referenced = targetRoot.at(ref.substring(hash + 1));
            if (referenced.isMissingNode()) {
                throw new IllegalStateException("request schema " + file + ": nothing at " + ref);
            }
            out.setAll((ObjectNode) resolve(referenced, targetRoot, target));
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref")) {
                String key = isSetting(e.getKey()) ? setting(e.getKey(), file).asText() : e.getKey();
                out.set(key, resolve(e.getValue(), root, file));
            }
        });
        return out;
    }

    private static boolean isSetting(String text) {
        return text.startsWith("${") && text.endsWith("}");
    }

    private JsonNode setting(String placeholder, String file) {
        JsonNode value = parameters.get(placeholder.substring(2, placeholder.length() - 1));
        if (value == null) {
            throw new IllegalStateException("request schema " + file + " names an unknown setting " + placeholder);
        }
        return value;
    }

    private JsonNode materialize(JsonNode node, ApiVersion version) {
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(item -> {
                if (inRange(item, version)) {
                    out.add(materialize(item, version));
                }
            });
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        Map<String, JsonNode> keywords = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> keywords.put(e.getKey(), e.getValue()));
        JsonNode overlays = keywords.remove("x-from");
        for (Iterator<Map.Entry<String, JsonNode>> it = overlays == null ? null : overlays.fields();
             it != null && it.hasNext(); ) {
            Map.Entry<String, JsonNode> overlay = it.next();
            if (version.isAtLeast(ApiVersion.parse(overlay.getKey()))) {
                overlay.getValue().fields().forEachRemaining(e -> keywords.put(e.getKey(), e.getValue()));
            }
        }
        keywords.remove("x-since");
        keywords.remove("x-until");
        ObjectNode out = json.createObjectNode();
        ObjectNode newer = json.createObjectNode();
        keywords.forEach((keyword, value) -> {
            if (keyword.equals("properties")) {
                ObjectNode properties = out.putObject("properties");
                value.fields().forEachRemaining(p -> {
                    if (inRange(p.getValue(), version)) {
                        properties.set(p.getKey(), materialize(p.getValue(), version));
                    } else if (p.getValue().has("x-since")) {
                        newer.put(p.getKey(), p.getValue().get("x-since").textValue());
                    }
                });
            } else {
                if (keyword.equals("additionalProperties") && !newer.isEmpty()) {
                    out.set("x-newer", newer);
                }
                out.set(keyword, materialize(value, version));
            }
        });
        if (!newer.isEmpty() && !out.has("x-newer")) {
            out.set("x-newer", newer);
        }
        return out;
    }

    private static boolean inRange(JsonNode schema, ApiVersion version) {
        return !schema.isObject()
                || (!schema.has("x-since") || version.isAtLeast(ApiVersion.parse(schema.get("x-since").textValue())))
                && (!schema.has("x-until") || version.isAtMost(ApiVersion.parse(schema.get("x-until").textValue())));
    }
}

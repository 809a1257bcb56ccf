package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.container.api.ContainerLimits;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request schemas under {@code schemas/} on the class path, one file per request, with each
 * {@code "$ref": "parameter-types#/boolean"} (or {@code "#/x"} in the same file) replaced by its target,
 * the referring object's other keywords laid over it, and each {@code "${ContainerLimits.maxCpu}"} or
 * {@code "${ComputeApiVersions.SERVER_LOCKED}"} (a value or a key) by that setting or microversion, as
 * Zun's schemas name {@code CONF.maximum_cpus}: a gate the code also applies is declared once.
 */
@Singleton
public class RequestSchemas {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> settings = new HashMap<>();
    private final Map<String, JsonNode> resolved = new ConcurrentHashMap<>();

    public RequestSchemas(ContainerLimits limits) {
        try {
            for (Method limit : ContainerLimits.class.getDeclaredMethods()) {
                settings.put("ContainerLimits." + limit.getName(), json.valueToTree(limit.invoke(limits)));
            }
            for (Class<?> versions : List.of(ComputeApiVersions.class, ContainerApiVersions.class)) {
                for (Field gate : versions.getFields()) {
                    settings.put(versions.getSimpleName() + "." + gate.getName(), json.valueToTree(gate.get(null)
                            .toString()));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the settings that request schemas name", e);
        }
    }

    /** The schema {@code name} ({@code compute/servers/create}), references and settings resolved. */
    public JsonNode get(String name) {
        return resolved.computeIfAbsent(name, this::file);
    }

    private JsonNode file(String name) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no request schema " + name);
            }
            JsonNode raw = json.readTree(in);
            return resolve(raw, raw, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request schema " + name, e);
        }
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
            String target = ref.startsWith("#") ? file : ref.substring(0, ref.indexOf('#'));
            JsonNode targetRoot = ref.startsWith("#") ? root : file(target);
            JsonNode referenced = targetRoot.at(ref.substring(ref.indexOf('#') + 1));
            if (!referenced.isObject()) {
                throw new IllegalStateException("request schema " + file + ": no schema at " + ref);
            }
            out.setAll((ObjectNode) resolve(referenced, targetRoot, target));
        }
        node.properties().forEach(e -> {
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
        JsonNode value = settings.get(placeholder.substring(2, placeholder.length() - 1));
        if (value == null) {
            throw new IllegalStateException("request schema " + file + " names an unknown setting " + placeholder);
        }
        return value;
    }

}

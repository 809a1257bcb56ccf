package io.windlass.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Kubernetes manifests parsed into fabric8's model of the Kubernetes API (each document by its
 * apiVersion and kind). The model keeps a field it does not know in {@code additionalProperties}
 * rather than failing, so {@link #unknownFields} looks for them: a misspelt {@code readinesProbe}
 * would otherwise vanish without a word, as it would on a cluster that does not validate.
 */
final class Manifests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** The YAML files of a directory, by file name. */
    static Map<String, String> files(Path dir) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** Every document of every text. */
    static List<HasMetadata> parse(Collection<String> texts) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String text : texts) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        objects.add((HasMetadata) YAML.treeToValue(doc, KubernetesResource.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return objects;
    }

    /** Fields of the object (at any depth) that its kind does not have, as {@code path.field}. */
    static List<String> unknownFields(Object object) {
        List<String> unknown = new ArrayList<>();
        walk(object, object.getClass().getSimpleName(), unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                walk(value, path + "." + decapitalized(getter.getName().substring(3)), unknown, seen);
            }
        }
    }

    private static String decapitalized(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

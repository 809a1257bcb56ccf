package io.windlass.api.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A request object that its schema has accepted, read without checks of its own: absent and JSON
 * null are alike, numbers and booleans may be spelled as strings, and {@link #as} reads a request
 * record as the schema declares it ({@code x-as}, {@code default}).
 */
public record RequestFields(JsonNode node, JsonNode schema) {
    private static final Map<Class<?>, Object> EMPTY = Map.of(int.class, 0, double.class, 0.0, boolean.class, false,
            List.class, List.of(), Map.class, Map.of(), Optional.class, Optional.empty());

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public JsonNode get(String field) {
        return node.path(field);
    }

    public RequestFields object(String field) {
        return new RequestFields(node.path(field), schema.path("properties").path(field));
    }

    /** The text (a number as its digits), else the declared default, else null. */
    public String text(String field) {
        return (String) member(String.class, field);
    }

    public boolean bool(String field, boolean absent) {
        return has(field) ? (boolean) value(boolean.class, get(field), schema) : absent;
    }

    public List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        get(field).forEach(item -> out.add(item.asText()));
        return out;
    }

    public Stream<RequestFields> items(String field) {
        JsonNode items = schema.path("properties").path(field).path("items");
        return StreamSupport.stream(get(field).spliterator(), false).map(item -> new RequestFields(item, items));
    }

    /** The page size asked for, at most {@code max}; {@code max} when none is. */
    public int limit(int max) {
        return has("limit") ? new BigInteger(text("limit")).min(BigInteger.valueOf(max)).intValue() : max;
    }

    @SuppressWarnings("unchecked")
    public <T> T read(String field, TypeReference<T> type) {
        return (T) member(type.getType(), field);
    }

    /**
     * The record {@code type}, each component read from the property of its name or the one that names
     * it ({@code "x-as"}); an absent member is the property's {@code default}, else null, zero, false or
     * empty. {@code given} are the components the caller works out, as name, value pairs.
     */
    public <R extends Record> R as(Class<R> type, Object... given) {
        Map<String, Object> computed = new HashMap<>();
        for (int i = 0; i < given.length; i += 2) {
            computed.put((String) given[i], given[i + 1]);
        }
        Map<String, String> members = new HashMap<>();
        schema.path("properties").properties()
                .forEach(p -> members.put(p.getValue().path("x-as").asText(p.getKey()), p.getKey()));
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> computed.containsKey(c.getName()) ? computed.get(c.getName())
                : member(c.getGenericType(), members.getOrDefault(c.getName(), ""))).toArray();
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName(), e);
        }
    }

    private Object member(Type type, String name) {
        JsonNode property = schema.path("properties").path(name);
        return value(type, has(name) ? get(name) : property.path("default"), property);
    }

    /** A text, number, boolean, uuid or record, or a list, map or Optional of them; JSON null inside is "null". */
    private static Object value(Type type, JsonNode value, JsonNode schema) {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        Type[] of = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        if (value.isMissingNode() || raw == Optional.class && value.isNull()) {
            return EMPTY.get(raw);
        }
        if (raw == Optional.class) {
            return Optional.of(value(of[0], value, schema));
        }
        if (raw == List.class) {
            List<Object> items = new ArrayList<>();
            // a single value where a list may be given is a list of one (scheduler hints)
            JsonNode itemSchema = schema.path("items");
            (value.isArray() ? value : List.of(value)).forEach(item -> items.add(value(of[0], item, itemSchema)));
            return items;
        }
        if (raw == Map.class) {
            Map<String, Object> entries = new LinkedHashMap<>();
            value.properties().forEach(e -> entries.put(e.getKey(), value(of[1], e.getValue(), MissingNode.getInstance())));
            return entries;
        }
        String text = value.asText();
        return raw.isRecord() ? new RequestFields(value, schema).as(raw.asSubclass(Record.class))
                : raw == boolean.class || raw == Boolean.class
                ? value.isBoolean() ? value.booleanValue() : OsloBoolean.parse(text).orElseThrow()
                : raw == int.class || raw == Integer.class ? Integer.valueOf(text)
                : raw == double.class || raw == Double.class ? Double.valueOf(text)
                : raw == UUID.class ? UUID.fromString(text) : text;
    }
}

package io.windlass.api.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

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
 * null are alike, numbers and booleans may be spelled as strings. {@link #as} reads a whole
 * request record by what the schema declares.
 */
public record RequestFields(JsonNode node, JsonNode schema) {

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

    public List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(item -> out.add(item.asText()));
        return out;
    }

    /** A page size: the {@code limit} asked for, at most {@code max}, or {@code max} when none is. */
    public int limit(int max) {
        return has("limit") ? new BigInteger(text("limit")).min(BigInteger.valueOf(max)).intValue() : max;
    }

    public boolean bool(String field, boolean absent) {
        return has(field) ? (boolean) value(boolean.class, node.get(field), schema) : absent;
    }

    /** The elements of the array {@code field}, each with the array's item schema. */
    public Stream<RequestFields> items(String field) {
        JsonNode items = schema.path("properties").path(field).path("items");
        return StreamSupport.stream(node.path(field).spliterator(), false).map(item -> new RequestFields(item, items));
    }

    /**
     * The record {@code type}, each component read from the property of its name or the one that names it
     * ({@code "x-as"}); an absent member is the property's {@code default}, else null, zero, false or empty.
     * {@code given} are the components the caller works out, as name, value pairs.
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

    /** The member {@code field} as a {@code type}, such as {@code new TypeReference<Map<String, String>>() { }}. */
    @SuppressWarnings("unchecked")
    public <T> T read(String field, TypeReference<T> type) {
        return (T) member(type.getType(), field);
    }

    /** The member {@code name} (absent: its declared default) as a {@code type}. */
    private Object member(Type type, String name) {
        JsonNode property = schema.path("properties").path(name);
        return value(type, has(name) ? get(name) : property.path("default"), property);
    }

    /** {@code value} as a {@code type}: text, a number, a boolean, a uuid, a record, or a list, map or Optional of them. */
    private static Object value(Type type, JsonNode value, JsonNode schema) {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        Type inner = type instanceof ParameterizedType p ? p.getActualTypeArguments()[p.getActualTypeArguments().length - 1]
                : null;
        if (value.isMissingNode()) {
            return raw == int.class ? 0 : raw == double.class ? 0.0 : raw == boolean.class ? false
                    : raw == List.class ? List.of() : raw == Map.class ? Map.of() : raw == Optional.class ? Optional.empty()
                    : null;
        }
        if (raw == Optional.class) {
            return value.isNull() ? Optional.empty() : Optional.of(value(inner, value, schema));
        }
        if (raw == List.class) {
            List<Object> items = new ArrayList<>();
            // a single value where a list may be given is a list of one (scheduler hints)
            (value.isArray() ? value : List.of(value)).forEach(item -> items.add(value(inner, item, schema.path("items"))));
            return items;
        }
        if (raw == Map.class) {
            Map<String, Object> entries = new LinkedHashMap<>();
            value.properties().forEach(e -> entries.put(e.getKey(), value(inner, e.getValue(), schema.path("additionalProperties"))));
            return entries;
        }
        String text = value.asText();
        if (raw == boolean.class || raw == Boolean.class) {
            return value.isBoolean() ? value.booleanValue() : OsloBoolean.parse(text).orElseThrow();
        }
        return raw.isRecord() ? new RequestFields(value, schema).as(raw.asSubclass(Record.class))
                : raw == int.class || raw == Integer.class ? Integer.valueOf(text)
                : raw == double.class || raw == Double.class ? Double.valueOf(text)
                : raw == UUID.class ? UUID.fromString(text) : text;
    }
}

package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.validation.SchemaViolation.NewerField;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import static io.windlass.api.validation.PythonRepr.repr;

/**
 * Checks a document against the JSON Schema subset that Nova's and Zun's request schemas use,
 * keyword by keyword in the schema's own order, and reports the first failure in Python
 * jsonschema's words, which are the words Nova and Zun answer with.
 *
 * <p>In-house rather than a library (networknt, Vert.x json-schema): the contract here is the
 * upstream wording (Python reprs of the instance, jsonschema's sentences), the first-error order
 * of Python's {@code Validator.validate} and the upstream extensions ({@code minimum} on numeric
 * strings, the {@code uuid}/{@code base64} formats); a library's own messages and error order
 * would need a translation as long as this checker, which is small because the subset is.
 */
public final class SchemaValidator {
    private static final Pattern HEX_UUID = Pattern.compile("^[0-9a-f]{32}$");

    /** The first violation of {@code schema} by {@code document}, or null when it is valid. */
    public SchemaViolation firstViolation(JsonNode schema, JsonNode document) {
        return check(schema, document, List.of());
    }

    private SchemaViolation check(JsonNode schema, JsonNode instance, List<Object> path) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? null : fail(path, instance, "False schema does not allow " + repr(instance));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            SchemaViolation v = keyword(keyword.getKey(), keyword.getValue(), schema, instance, path);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private SchemaViolation keyword(String name, JsonNode arg, JsonNode schema, JsonNode instance, List<Object> path) {
        String shown = repr(instance);
        return switch (name) {
            case "type" -> types(arg).stream().anyMatch(t -> isType(instance, t)) ? null : fail(path, instance,
                    shown + " is not of type " + types(arg).stream().map(PythonRepr::repr).collect(Collectors.joining(", ")));
            case "enum" -> contains(arg, instance) ? null : fail(path, instance, shown + " is not one of " + repr(arg));
            case "pattern" -> !instance.isTextual() || Pattern.compile(arg.textValue()).matcher(instance.textValue()).find()
                    ? null : fail(path, instance, shown + " does not match " + repr(arg));
            case "minLength" -> instance.isTextual() && length(instance) < arg.intValue()
                    ? fail(path, instance, shown + " is too short") : null;
            case "maxLength" -> instance.isTextual() && length(instance) > arg.intValue()
                    ? fail(path, instance, shown + " is too long") : null;
            case "minItems" -> instance.isArray() && instance.size() < arg.intValue()
                    ? fail(path, instance, shown + " is too short") : null;
            case "maxItems" -> instance.isArray() && instance.size() > arg.intValue()
                    ? fail(path, instance, shown + " is too long") : null;
            case "minProperties" -> instance.isObject() && instance.size() < arg.intValue()
                    ? fail(path, instance, shown + " does not have enough properties") : null;
            case "maxProperties" -> instance.isObject() && instance.size() > arg.intValue()
                    ? fail(path, instance, shown + " has too many properties") : null;
            case "uniqueItems" -> arg.booleanValue() && instance.isArray() && !unique(instance)
                    ? fail(path, instance, shown + " has non-unique elements") : null;
            case "minimum", "exclusiveMinimum", "maximum" -> bound(name, arg, instance, path);
            case "format" -> instance.isTextual() && !format(arg.textValue(), instance.textValue())
                    ? fail(path, instance, shown + " is not a " + repr(arg)) : null;
            case "required" -> required(arg, instance, path);
            case "properties" -> properties(arg, instance, path);
            case "patternProperties" -> patternProperties(arg, instance, path);
            case "additionalProperties" -> additionalProperties(arg, schema, instance, path);
            case "x-newer" -> newer(arg, instance, path);
            case "items" -> items(arg, instance, path);
            case "allOf" -> allOf(arg, instance, path);
            case "anyOf", "oneOf" -> alternatives(name, arg, instance, path);
            case "not" -> check(arg, instance, path) == null
                    ? fail(path, instance, shown + " should not be valid under " + repr(arg)) : null;
            default -> null; // annotations: description, $comment, x-error-path ...
        };
    }

    private SchemaViolation required(JsonNode names, JsonNode instance, List<Object> path) {
        if (instance.isObject()) {
            for (JsonNode name : names) {
                if (!instance.has(name.textValue())) {
                    return fail(path, instance, repr(name) + " is a required property");
                }
            }
        }
        return null;
    }

    private SchemaViolation properties(JsonNode properties, JsonNode instance, List<Object> path) {
        if (instance.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                SchemaViolation v = instance.has(p.getKey())
                        ? check(p.getValue(), instance.get(p.getKey()), append(path, p.getKey())) : null;
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private SchemaViolation patternProperties(JsonNode patterns, JsonNode instance, List<Object> path) {
        if (instance.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                for (Iterator<String> keys = instance.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    SchemaViolation v = Pattern.compile(p.getKey()).matcher(key).find()
                            ? check(p.getValue(), instance.get(key), append(path, key)) : null;
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Members that neither {@code properties} nor {@code patternProperties} declare. Unlike newer
     * jsonschema releases, unknown keys are "unexpected" even beside patternProperties: Nova's
     * wording for metadata keys, which clients have seen from this API.
     */
    private SchemaViolation additionalProperties(JsonNode arg, JsonNode schema, JsonNode instance, List<Object> path) {
        if (!instance.isObject() || arg.isBoolean() && arg.booleanValue()) {
            return null;
        }
        TreeSet<String> extras = new TreeSet<>();
        instance.fieldNames().forEachRemaining(key -> {
            boolean declared = schema.path("properties").has(key) || schema.path("x-newer").has(key);
            Iterator<String> patterns = schema.path("patternProperties").fieldNames();
            while (!declared && patterns.hasNext()) {
                declared = Pattern.compile(patterns.next()).matcher(key).find();
            }
            if (!declared) {
                extras.add(key);
            }
        });
        if (arg.isObject()) {
            for (String extra : extras) {
                SchemaViolation v = check(arg, instance.get(extra), append(path, extra));
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        return extras.isEmpty() ? null : fail(path, instance, unexpected(extras));
    }

    /** A field the request's microversion does not have yet (see {@code RequestSchemas}). */
    private SchemaViolation newer(JsonNode since, JsonNode instance, List<Object> path) {
        for (Iterator<String> names = since.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (instance.isObject() && instance.has(name)) {
                return new SchemaViolation(path, instance, unexpected(List.of(name)),
                        new NewerField(append(path, name), since.get(name).textValue()));
            }
        }
        return null;
    }

    private static String unexpected(java.util.Collection<String> extras) {
        return "Additional properties are not allowed (" + extras.stream().map(PythonRepr::repr)
                .collect(Collectors.joining(", ")) + (extras.size() == 1 ? " was" : " were") + " unexpected)";
    }

    private SchemaViolation items(JsonNode schema, JsonNode instance, List<Object> path) {
        for (int i = 0; instance.isArray() && i < instance.size(); i++) {
            SchemaViolation v = check(schema, instance.get(i), append(path, i));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private SchemaViolation allOf(JsonNode schemas, JsonNode instance, List<Object> path) {
        for (JsonNode schema : schemas) {
            SchemaViolation v = check(schema, instance, path);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private SchemaViolation alternatives(String keyword, JsonNode schemas, JsonNode instance, List<Object> path) {
        int valid = 0;
        for (JsonNode schema : schemas) {
            valid += check(schema, instance, path) == null ? 1 : 0;
        }
        if (valid == 0) {
            return fail(path, instance, repr(instance) + " is not valid under any of the given schemas");
        }
        return valid > 1 && keyword.equals("oneOf")
                ? fail(path, instance, repr(instance) + " is valid under each of " + repr(schemas)) : null;
    }

    /** Nova and Zun compare numeric strings too ({@code _validate_minimum}): "0" is less than 1. */
    private static SchemaViolation bound(String name, JsonNode limit, JsonNode instance, List<Object> path) {
        BigDecimal value = number(instance);
        if (value == null) {
            return null;
        }
        int c = value.compareTo(limit.decimalValue());
        boolean integral = !instance.isNumber() ? value.scale() <= 0 : instance.isIntegralNumber();
        String shown = PythonRepr.number(value, integral);
        return switch (name) {
            case "minimum" -> c < 0 ? fail(path, instance, shown + " is less than the minimum of " + repr(limit)) : null;
            case "exclusiveMinimum" -> c <= 0
                    ? fail(path, instance, shown + " is less than or equal to the minimum of " + repr(limit)) : null;
            default -> c > 0 ? fail(path, instance, shown + " is greater than the maximum of " + repr(limit)) : null;
        };
    }

    /** Python's {@code int(x)}, else {@code float(x)}, else nothing to compare. */
    private static BigDecimal number(JsonNode instance) {
        if (instance.isNumber()) {
            return instance.decimalValue();
        }
        if (instance.isBoolean()) {
            return BigDecimal.valueOf(instance.booleanValue() ? 1 : 0);
        }
        if (!instance.isTextual()) {
            return null;
        }
        String text = instance.textValue().strip();
        try {
            return text.matches("^[+-]?[0-9]+$") ? new BigDecimal(text) : new BigDecimal(Double.toString(Double.parseDouble(text)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean format(String format, String text) {
        return switch (format) {
            case "uuid" -> HEX_UUID.matcher(text.toLowerCase().replaceAll("^urn:|^uuid:|[{}-]", "")).matches();
            case "date-time" -> dateTime(text);
            case "base64" -> text.strip().replaceAll("\\s", "").matches("^[A-Za-z0-9+/]*={0,2}$")
                    && text.strip().replaceAll("\\s", "").length() % 4 == 0;
            case "ipv4" -> text.matches("^\\d{1,3}(\\.\\d{1,3}){3}$") && literalAddress(text);
            case "ipv6" -> text.contains(":") && text.matches("^[0-9a-fA-F:.]+$") && literalAddress(text);
            case "regex" -> regex(text);
            case "printable" -> text.codePoints().allMatch(c -> !Character.isISOControl(c) || c == '\n' || c == '\t'
                    || c == '\r');
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }

    private static boolean dateTime(String text) {
        try {
            OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z");
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean literalAddress(String text) {
        try {
            // a literal address is parsed without any name lookup
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean regex(String text) {
        try {
            Pattern.compile(text);
            return !text.isEmpty();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static List<String> types(JsonNode arg) {
        List<String> types = new ArrayList<>();
        if (arg.isArray()) {
            arg.forEach(t -> types.add(t.textValue()));
        } else {
            types.add(arg.textValue());
        }
        return types;
    }

    private static boolean isType(JsonNode instance, String type) {
        return switch (type) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            case "number" -> instance.isNumber();
            case "integer" -> instance.isIntegralNumber()
                    || instance.isFloatingPointNumber() && instance.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    /** jsonschema's equality: 1 equals 1.0, True does not equal 1. */
    private static boolean contains(JsonNode values, JsonNode instance) {
        for (JsonNode v : values) {
            if (v.isNumber() && instance.isNumber() ? v.decimalValue().compareTo(instance.decimalValue()) == 0
                    : v.equals(instance)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unique(JsonNode array) {
        Set<JsonNode> seen = new HashSet<>();
        array.forEach(seen::add);
        return seen.size() == array.size();
    }

    private static int length(JsonNode text) {
        return text.textValue().codePointCount(0, text.textValue().length());
    }

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    private static SchemaViolation fail(List<Object> path, JsonNode instance, String message) {
        return new SchemaViolation(path, instance, message, null);
    }
}

package io.windlass.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.SchemaValidator.Violation.Kind;
import io.windlass.api.validation.SchemaValidator.Violation.NewerField;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.windlass.api.validation.PythonRepr.repr;

/**
 * Checks a document against the JSON Schema subset that Nova's and Zun's request schemas use,
 * keyword by keyword in the schema's own order, and reports the first failure in Python
 * jsonschema's words, which are the words Nova and Zun answer with. A schema declares each field
 * once with the microversions it exists in, where Nova's and Zun's modules copy a schema per range:
 * outside its {@code x-since}/{@code x-until} range a subschema is absent (a property not there yet
 * is "too new"), and each {@code x-from} whose version has come lays its keywords over its own.
 *
 * <p>In-house rather than a library (networknt, Vert.x json-schema): the contract here is the
 * upstream wording (Python reprs of the instance, jsonschema's sentences), the first-error order
 * of Python's {@code Validator.validate} and the upstream extensions ({@code minimum} on numeric
 * strings, the {@code uuid}/{@code base64} formats); a library's own messages and error order
 * would need a translation as long as this checker, which is small because the subset is.
 */
public final class SchemaValidator {
    private static final Set<String> ANNOTATIONS = Set.of("$comment", "description", "definitions", "default",
            "x-since", "x-until", "x-from");

    private final ApiVersion version;
    private final boolean relaxed;

    public SchemaValidator(ApiVersion version) {
        this(version, false);
    }

    /** @param relaxed Nova's legacy v2 mode ({@link RelaxedValidation}): undeclared members are dropped */
    public SchemaValidator(ApiVersion version, boolean relaxed) {
        this.version = version;
        this.relaxed = relaxed;
    }

    /** @return null when the document is valid */
    public Violation firstViolation(JsonNode schema, JsonNode document) {
        return check(schema, document, List.of());
    }

    private Violation check(JsonNode schema, JsonNode instance, List<Object> path) {
        JsonNode now = atVersion(schema);
        return first(fields(now).map(k -> () -> keyword(k.getKey(), k.getValue(), now, instance, path)));
    }

    private Violation keyword(String name, JsonNode arg, JsonNode schema, JsonNode instance, List<Object> path) {
        boolean text = instance.isTextual();
        return switch (name) {
            case "type" -> failIf(strings(arg).noneMatch(t -> isType(instance, t)), path, instance, () -> repr(instance)
                    + " is not of type " + strings(arg).map(PythonRepr::repr).collect(Collectors.joining(", ")));
            case "enum" -> failIf(elements(arg).noneMatch(v -> same(v, instance)),
                    path, instance, () -> repr(instance) + " is not one of " + repr(arg));
            case "pattern" -> failIf(text && !matches(arg.textValue(), instance.textValue()),
                    path, instance, () -> repr(instance) + " does not match " + repr(arg));
            case "minLength" -> failIf(text && length(instance) < arg.intValue(), path, instance, () -> repr(instance) + " is too short");
            case "maxLength" -> failIf(text && length(instance) > arg.intValue(), path, instance, () -> repr(instance) + " is too long");
            case "minItems" -> failIf(instance.isArray() && instance.size() < arg.intValue(), path, instance,
                    () -> repr(instance) + " is too short");
            case "maxItems" -> failIf(instance.isArray() && instance.size() > arg.intValue(), path, instance,
                    () -> repr(instance) + " is too long");
            case "minProperties" -> failIf(instance.isObject() && instance.size() < arg.intValue(), path, instance,
                    () -> repr(instance) + " does not have enough properties");
            case "maxProperties" -> failIf(instance.isObject() && instance.size() > arg.intValue(), path, instance,
                    () -> repr(instance) + " has too many properties");
            case "minimum", "exclusiveMinimum", "maximum" -> bound(name, arg, instance, path);
            case "format" -> failIf(text && !format(arg.textValue(), instance.textValue()), path, instance,
                    () -> repr(instance) + " is not a " + repr(arg));
            case "required" -> first(strings(arg).filter(p -> instance.isObject() && !instance.has(p))
                    .map(p -> () -> fail(path, instance, repr(p) + " is a required property")));
            case "properties" -> properties(arg, schema, instance, path);
            case "patternProperties" -> first(fields(arg).flatMap(p -> members(instance)
                    .filter(key -> matches(p.getKey(), key))
                    .map(key -> () -> check(p.getValue(), instance.get(key), append(path, key)))));
            case "additionalProperties" -> additionalProperties(arg, schema, instance, path);
            // what upstream checks in code, or accepts and this deployment cannot do: refused unless valid under "unless"
            case "x-refuse" -> arg.has("unless") && check(arg.get("unless"), instance, path) == null ? null
                    : refusal(arg, schema, instance, path);
            // the reason with {} standing for the unknown members
            case "x-unknown" -> extras(schema, instance).isEmpty() ? null : new Violation(path, instance,
                    arg.textValue().replace("{}", String.join(", ", extras(schema, instance))), Kind.REQUEST, null);
            case "x-unique", "x-among" -> first(elements(arg).map(rule -> () -> crossCheck(name, rule, instance, path)));
            case "items" -> first(Stream.iterate(0, i -> i < instance.size() && instance.isArray(), i -> i + 1)
                    .map(i -> () -> check(arg, instance.get(i), append(path, i))));
            case "allOf" -> first(elements(arg).filter(this::exists).map(s -> () -> check(s, instance, path)));
            case "not" -> failIf(check(arg, instance, path) == null, path, instance,
                    () -> repr(instance) + " is not allowed for " + repr(arg));
            case "anyOf", "oneOf" -> alternatives(name, arg, instance, path);
            default -> {
                if (!name.startsWith("x-") && !ANNOTATIONS.contains(name)) {
                    throw new IllegalArgumentException("request schemas do not support the keyword " + name);
                }
                yield null;
            }
        };
    }

    /** A member too new for the version is reported where an unknown one would be, else before the properties. */
    private Violation properties(JsonNode properties, JsonNode schema, JsonNode instance, List<Object> path) {
        Violation newer = schema.has("additionalProperties") || relaxed ? null : newer(schema, instance, path);
        return newer != null ? newer : first(fields(properties).filter(p -> instance.has(p.getKey())
                && exists(p.getValue())).map(p -> () -> check(p.getValue(), instance.get(p.getKey()), append(path, p.getKey()))));
    }

    /**
     * Members that neither {@code properties} nor {@code patternProperties} declare. Unlike newer
     * jsonschema releases, unknown keys are "unexpected" even beside patternProperties: Nova's
     * wording for metadata keys, which clients have seen from this API.
     */
    private Violation additionalProperties(JsonNode arg, JsonNode schema, JsonNode instance, List<Object> path) {
        if (relaxed && arg.isBoolean() && !arg.booleanValue() && instance instanceof ObjectNode object) {
            // Nova's _soft_validate_additional_properties: what this version does not declare is removed
            TreeSet<String> dropped = extras(schema, instance);
            fields(schema.path("properties")).filter(p -> instance.has(p.getKey()) && tooNew(p.getValue()))
                    .forEach(p -> dropped.add(p.getKey()));
            object.remove(dropped);
            return null;
        }
        Violation newer = newer(schema, instance, path);
        TreeSet<String> extras = extras(schema, instance);
        if (newer != null) {
            return newer;
        }
        if (arg.isObject()) {
            return first(extras.stream().map(key -> () -> check(arg, instance.get(key), append(path, key))));
        }
        return failIf(!arg.booleanValue() && !extras.isEmpty(), path, instance, () -> unexpected(extras));
    }

    /** Members that no property of this version, nor of a later one, declares. */
    private TreeSet<String> extras(JsonNode schema, JsonNode instance) {
        JsonNode properties = schema.path("properties");
        return members(instance).filter(key -> !properties.has(key)
                        || !exists(properties.get(key)) && !tooNew(properties.get(key)))
                .filter(key -> fields(schema.path("patternProperties")).noneMatch(p -> matches(p.getKey(), key)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The first member this version does not have yet. */
    private Violation newer(JsonNode schema, JsonNode instance, List<Object> path) {
        return fields(schema.path("properties")).filter(p -> instance.has(p.getKey()) && tooNew(p.getValue()))
                .findFirst().map(p -> new Violation(path, instance, unexpected(List.of(p.getKey())), Kind.INVALID,
                        new NewerField(append(path, p.getKey()), p.getValue().get("x-since").asText()))).orElse(null);
    }

    private boolean exists(JsonNode schema) {
        return !tooNew(schema)
                && (!schema.has("x-until") || version.isAtMost(ApiVersion.parse(schema.get("x-until").asText())));
    }

    private boolean tooNew(JsonNode schema) {
        return schema.has("x-since") && !version.isAtLeast(ApiVersion.parse(schema.get("x-since").asText()));
    }

    /** The schema's keywords, with those of each x-from whose version has come laid over them. */
    private JsonNode atVersion(JsonNode schema) {
        if (!schema.has("x-from")) {
            return schema;
        }
        ObjectNode now = JsonNodeFactory.instance.objectNode();
        now.setAll((ObjectNode) schema);
        fields(schema.get("x-from")).filter(f -> version.isAtLeast(ApiVersion.parse(f.getKey())))
                .forEach(f -> now.setAll((ObjectNode) f.getValue()));
        return now;
    }

    /**
     * A rule's failure ({@code {"because", "as"?, "since"?}}): the reason with {@code {}} (the value), {@code {@}}
     * (the name it stands under) or {@code {member}} (absent: its default) filled in, answered as "as" says, or
     * as a field newer than the request.
     */
    private static Violation refusal(JsonNode rule, JsonNode schema, JsonNode instance, List<Object> path) {
        String because = Pattern.compile("\\{([^}]*)}").matcher(rule.path("because").asText()).replaceAll(m ->
                Matcher.quoteReplacement(switch (m.group(1)) {
                    case "" -> PythonRepr.str(instance);
                    case "@" -> String.valueOf(path.getLast());
                    default -> instance.has(m.group(1)) ? PythonRepr.str(instance.get(m.group(1)))
                            : schema.path("properties").path(m.group(1)).path("default").asText();
                }));
        return new Violation(path, instance, because, Kind.valueOf(rule.path("as").asText("refused").toUpperCase()),
                rule.has("since") ? new NewerField(path, rule.get("since").textValue()) : null);
    }

    /**
     * A rule across members ({@code {"values": [paths], "among"?: [paths], "because"}}, a path's "*" standing
     * for each element of an array): the first value met twice (x-unique), or not met at "among" (x-among), fails.
     */
    private static Violation crossCheck(String keyword, JsonNode rule, JsonNode instance, List<Object> path) {
        Set<JsonNode> seen = new HashSet<>();
        Set<JsonNode> among = elements(rule.path("among")).flatMap(p -> reach(instance, path, p.asText().split("/"), 0))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
        return elements(rule.get("values")).flatMap(p -> reach(instance, path, p.asText().split("/"), 0))
                .filter(v -> keyword.equals("x-unique") ? !seen.add(v.getValue()) : !among.contains(v.getValue()))
                .findFirst().map(v -> refusal(rule, MissingNode.getInstance(), v.getValue(), v.getKey())).orElse(null);
    }

    /** The values {@code steps} lead to from {@code node}, with their paths; a "*" step is each element of an array. */
    private static Stream<Map.Entry<List<Object>, JsonNode>> reach(JsonNode node, List<Object> path, String[] steps,
                                                                   int step) {
        if (step == steps.length) {
            return node.isMissingNode() || node.isNull() ? Stream.empty() : Stream.of(Map.entry(path, node));
        }
        return !steps[step].equals("*") ? reach(node.path(steps[step]), append(path, steps[step]), steps, step + 1)
                : Stream.iterate(0, i -> i < node.size() && node.isArray(), i -> i + 1)
                .flatMap(i -> reach(node.get(i), append(path, i), steps, step + 1));
    }

    private static String unexpected(Collection<String> extras) {
        return "Additional properties are not allowed (" + extras.stream().map(PythonRepr::repr)
                .collect(Collectors.joining(", ")) + (extras.size() == 1 ? " was" : " were") + " unexpected)";
    }

    private Violation alternatives(String keyword, JsonNode schemas, JsonNode instance, List<Object> path) {
        long valid = elements(schemas).filter(this::exists).filter(s -> check(s, instance, path) == null).count();
        return valid == 0 ? fail(path, instance, repr(instance) + " is not valid under any of the given schemas")
                : failIf(valid > 1 && keyword.equals("oneOf"), path, instance,
                () -> repr(instance) + " is valid under each of " + repr(schemas));
    }

    /** Nova and Zun compare numeric strings too ({@code _validate_minimum}): "0" is less than 1. */
    private static Violation bound(String name, JsonNode limit, JsonNode instance, List<Object> path) {
        BigDecimal value = number(instance);
        int c = value == null ? 0 : value.compareTo(limit.decimalValue());
        String shown = value == null ? null
                : PythonRepr.number(value, instance.isNumber() ? instance.isIntegralNumber() : value.scale() <= 0);
        return switch (name) {
            case "minimum" -> failIf(c < 0, path, instance, () -> shown + " is less than the minimum of " + repr(limit));
            case "exclusiveMinimum" -> failIf(value != null && c <= 0, path, instance,
                    () -> shown + " is less than or equal to the minimum of " + repr(limit));
            default -> failIf(c > 0, path, instance, () -> shown + " is greater than the maximum of " + repr(limit));
        };
    }

    /** Python's {@code int(x)}, else {@code float(x)}, else nothing to compare. */
    private static BigDecimal number(JsonNode instance) {
        if (instance.isNumber() || instance.isBoolean()) {
            return instance.isBoolean() ? BigDecimal.valueOf(instance.booleanValue() ? 1 : 0) : instance.decimalValue();
        }
        String text = instance.asText().strip();
        try {
            return !instance.isTextual() ? null : text.matches("^[+-]?\\p{Nd}+$") ? new BigDecimal(text)
                    : new BigDecimal(Double.toString(Double.parseDouble(text)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean format(String format, String text) {
        String base64 = text.strip().replaceAll("\\s", "");
        return switch (format) {
            case "uuid" -> text.toLowerCase().replaceAll("^urn:|^uuid:|[{}-]", "").matches("^[0-9a-f]{32}$");
            case "date-time" -> parses(() -> OffsetDateTime.parse(text.matches(".*(Z|[+-]\\d\\d:\\d\\d)$") ? text
                    : text + "Z"));
            case "base64" -> base64.matches("^[A-Za-z0-9+/]*={0,2}$") && base64.length() % 4 == 0;
            // literal addresses are parsed without any name lookup
            case "ipv4" -> text.matches("^\\d{1,3}(\\.\\d{1,3}){3}$") && parses(() -> InetAddress.getByName(text));
            case "ipv6" -> text.matches("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$") && parses(() -> InetAddress.getByName(text));
            case "regex" -> !text.isEmpty() && parses(() -> Pattern.compile(text));
            case "int32" -> parses(() -> Integer.parseInt(text.strip()));
            case "oslo-boolean" -> OsloBoolean.parse(text).isPresent();
            case "printable" -> text.codePoints().allMatch(c -> !Character.isISOControl(c) || "\n\t\r".indexOf(c) >= 0);
            default -> throw new IllegalArgumentException("request schemas do not support the format " + format);
        };
    }

    private static boolean parses(java.util.concurrent.Callable<?> parse) {
        try {
            parse.call();
            return true;
        } catch (Exception e) {
            return false;
        }
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
            default -> throw new IllegalArgumentException("request schemas do not support the type " + type);
        };
    }

    /** jsonschema's equality: 1 equals 1.0, True does not equal 1. */
    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static Violation first(Stream<Supplier<Violation>> checks) {
        return checks.map(Supplier::get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Stream<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.properties().stream();
    }

    private static Stream<String> members(JsonNode node) {
        return node.isObject() ? node.properties().stream().map(Map.Entry::getKey) : Stream.empty();
    }

    private static Stream<String> strings(JsonNode arg) {
        return arg.isArray() ? elements(arg).map(JsonNode::textValue) : Stream.of(arg.textValue());
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static boolean matches(String regex, String text) {
        return Pattern.compile(regex).matcher(text).find();
    }

    private static int length(JsonNode text) {
        return text.textValue().codePointCount(0, text.textValue().length());
    }

    private static List<Object> append(List<Object> path, Object element) {
        return Stream.concat(path.stream(), Stream.of(element)).toList();
    }

    private static Violation failIf(boolean failed, List<Object> path, JsonNode instance,
                                          Supplier<String> message) {
        return failed ? fail(path, instance, message.get()) : null;
    }

    private static Violation fail(List<Object> path, JsonNode instance, String message) {
        return new Violation(path, instance, message, Kind.INVALID, null);
    }

    /**
     * The first constraint a request broke, as Python's jsonschema or a declared rule reports it.
     *
     * @param path     where: property names and array indexes from the document's root
     * @param instance the value found there
     * @param message  jsonschema's message ({@code 'x' is too long}), or the rule's reason
     * @param kind     which answer the family gives
     * @param newer    when the request names a field its microversion does not have yet: that field, else null
     */
    public record Violation(List<Object> path, JsonNode instance, String message, Kind kind, NewerField newer) {

        /** The three answers of a family ({@link ApiFamily}); a rule picks one with {@code "as"}. */
        public enum Kind {
            /** The value is invalid: worded as a schema failure of its field. */
            INVALID,
            /** Valid, but this deployment cannot honour it (the default of {@code x-refuse}). */
            REFUSED,
            /** The request as a whole is refused: the message alone is the answer. */
            REQUEST
        }

        /** A field ({@code path}) that exists only from microversion {@code since} on. */
        public record NewerField(List<Object> path, String since) {
        }
    }
}

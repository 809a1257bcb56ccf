package io.windlass.flavor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.compute.api.ComputeInput;
import io.windlass.flavor.service.NewFlavor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Nova's request schemas for flavors ({@code nova/api/openstack/compute/schemas/flavor_manage.py},
 * {@code flavors_extraspecs.py}, {@code flavor_access.py}), with jsonschema's messages naming the field.
 */
@ApplicationScoped
public class FlavorRequestParser {
    private static final int MAX_INT = Integer.MAX_VALUE;
    private static final Pattern NAME = Pattern.compile("^(?!\\s)[\\p{Print}\\p{L}\\p{N}]*(?<!\\s)$");
    private static final Pattern ID = Pattern.compile("^(?! )[a-zA-Z0-9. _-]+(?<! )$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]*$");
    private static final Pattern RXTX = Pattern.compile("^[0-9]+(\\.[0-9]+)?$");
    private static final Pattern SPEC_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
    private static final Set<String> TRUE = Set.of("true", "1", "on", "yes", "y", "t");
    private static final Set<String> FALSE = Set.of("false", "0", "off", "no", "n", "f");
    private static final Set<String> CREATE_KEYS = Set.of("name", "id", "ram", "vcpus", "disk",
            "OS-FLV-EXT-DATA:ephemeral", "swap", "rxtx_factor", "os-flavor-access:is_public");

    /** {@code {"flavor": {...}}}; {@code description} only when the microversion has it (2.55). */
    public NewFlavor create(JsonNode body, boolean withDescription) {
        JsonNode flavor = ComputeInput.wrapper(body, "flavor");
        Set<String> allowed = new java.util.HashSet<>(CREATE_KEYS);
        if (withDescription) {
            allowed.add("description");
        }
        ComputeInput.onlyKeys(flavor, "flavor", allowed);
        for (String required : new String[]{"name", "ram", "vcpus", "disk"}) {
            if (!flavor.has(required)) {
                throw ComputeInput.invalid("flavor", flavor, "'" + required + "' is a required property");
            }
        }
        String name = string(flavor.get("name"), "flavor/name", 1, 255, NAME);
        String id = null;
        JsonNode idNode = flavor.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
                throw ComputeInput.invalid("flavor/id", idNode, idNode + " is not of type 'string', 'null', 'integer'");
            }
            id = idNode.isTextual() ? string(idNode, "flavor/id", 1, 255, ID) : idNode.asText();
        }
        int ram = integer(flavor.get("ram"), "flavor/ram", 1);
        int vcpus = integer(flavor.get("vcpus"), "flavor/vcpus", 1);
        int disk = integer(flavor.get("disk"), "flavor/disk", 0);
        int ephemeral = flavor.has("OS-FLV-EXT-DATA:ephemeral")
                ? integer(flavor.get("OS-FLV-EXT-DATA:ephemeral"), "flavor/OS-FLV-EXT-DATA:ephemeral", 0) : 0;
        int swap = flavor.has("swap") ? integer(flavor.get("swap"), "flavor/swap", 0) : 0;
        double rxtx = flavor.has("rxtx_factor") ? rxtx(flavor.get("rxtx_factor")) : 1.0;
        boolean isPublic = !flavor.has("os-flavor-access:is_public")
                || bool(flavor.get("os-flavor-access:is_public"), "flavor/os-flavor-access:is_public");
        String description = withDescription ? description(flavor.get("description"), "flavor/description") : null;
        return new NewFlavor(name, id, ram, vcpus, disk, ephemeral, swap, rxtx, isPublic, description);
    }

    /** 2.55 {@code PUT /flavors/{id}}: {@code {"flavor": {"description": ...}}}, description required. */
    public String update(JsonNode body) {
        JsonNode flavor = ComputeInput.wrapper(body, "flavor");
        ComputeInput.onlyKeys(flavor, "flavor", Set.of("description"));
        if (!flavor.has("description")) {
            throw ComputeInput.invalid("flavor", flavor, "'description' is a required property");
        }
        return description(flavor.get("description"), "flavor/description");
    }

    /** {@code POST os-extra_specs}: {@code {"extra_specs": {key: value}}}, values stringified as Nova does. */
    public Map<String, String> extraSpecs(JsonNode body) {
        JsonNode specs = ComputeInput.wrapper(body, "extra_specs");
        return specMap(specs, "extra_specs");
    }

    /** {@code PUT os-extra_specs/{key}}: exactly that one key. */
    public Map<String, String> extraSpec(JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        if (body.size() > 1) {
            throw ComputeInput.badRequest("Request body contains too many items");
        }
        Map<String, String> spec = specMap(body, "");
        if (!spec.containsKey(key)) {
            throw ComputeInput.badRequest("Request body and URI mismatch");
        }
        return spec;
    }

    /** {@code addTenantAccess} / {@code removeTenantAccess}: the action and its {@code tenant}. */
    public AccessChange accessAction(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ComputeInput.badRequest("Malformed request body");
        }
        if (body.size() != 1) {
            throw ComputeInput.badRequest("Exactly one action is allowed per request, got " + body.size());
        }
        String action = body.fieldNames().next();
        if (!action.equals("addTenantAccess") && !action.equals("removeTenantAccess")) {
            throw ComputeInput.badRequest("There is no such action: " + action);
        }
        JsonNode args = body.get(action);
        if (!args.isObject()) {
            throw ComputeInput.invalid(action, args, args + " is not of type 'object'");
        }
        ComputeInput.onlyKeys(args, action, Set.of("tenant"));
        if (!args.has("tenant")) {
            throw ComputeInput.invalid(action, args, "'tenant' is a required property");
        }
        String tenant = string(args.get("tenant"), action + "/tenant", 1, 255, Pattern.compile("^.*$"));
        return new AccessChange(action.equals("addTenantAccess"), tenant);
    }

    /** Nova's {@code is_public} list filter: absent means public only, {@code none} means all. */
    public Optional<Boolean> isPublicFilter(String value) {
        if (value == null) {
            return Optional.of(true);
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return Optional.empty();
        }
        if (TRUE.contains(v)) {
            return Optional.of(true);
        }
        if (FALSE.contains(v)) {
            return Optional.of(false);
        }
        throw ComputeInput.badRequest("Invalid is_public filter [" + value + "]");
    }

    /** {@code minRam}/{@code minDisk}: integers, worded as Nova words them. */
    public Integer minFilter(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ComputeInput.badRequest("Invalid " + name + " filter [" + value + "]");
        }
    }

    /**
     * A change of a private flavor's access list.
     *
     * @param add      addTenantAccess (else removeTenantAccess)
     * @param tenantId the project
     */
    public record AccessChange(boolean add, String tenantId) {
    }

    private static Map<String, String> specMap(JsonNode specs, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = specs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (!SPEC_KEY.matcher(key).matches()) {
                throw ComputeInput.invalid(path, specs, "Additional properties are not allowed ('" + key
                        + "' was unexpected)");
            }
            JsonNode value = entry.getValue();
            String fieldPath = path.isEmpty() ? key : path + "/" + key;
            String text;
            if (value.isTextual()) {
                text = value.textValue();
            } else if (value.isBoolean()) {
                text = value.booleanValue() ? "True" : "False";
            } else if (value.isNumber()) {
                text = value.asText();
            } else {
                throw ComputeInput.invalid(fieldPath, value, value + " is not of type 'string', 'number', 'boolean'");
            }
            if (text.length() > 255) {
                throw ComputeInput.invalid(fieldPath, value, "'" + text + "' is too long");
            }
            out.put(key, text);
        }
        return out;
    }

    private static int integer(JsonNode value, String path, int minimum) {
        long number;
        if (value != null && value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw ComputeInput.invalid(path, value, value + " is greater than the maximum of " + MAX_INT);
            }
            number = value.longValue();
        } else if (value != null && value.isTextual()) {
            String text = value.textValue();
            if (!DIGITS.matcher(text).matches() || text.isEmpty()) {
                throw ComputeInput.invalid(path, value, "'" + text + "' does not match '^[0-9]*$'");
            }
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw ComputeInput.invalid(path, value, text + " is greater than the maximum of " + MAX_INT);
            }
        } else {
            throw ComputeInput.invalid(path, value, value + " is not of type 'integer', 'string'");
        }
        if (number < minimum) {
            throw ComputeInput.invalid(path, value, number + " is less than the minimum of " + minimum);
        }
        if (number > MAX_INT) {
            throw ComputeInput.invalid(path, value, number + " is greater than the maximum of " + MAX_INT);
        }
        return (int) number;
    }

    private static double rxtx(JsonNode value) {
        String path = "flavor/rxtx_factor";
        double number;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isTextual() && RXTX.matcher(value.textValue()).matches()) {
            number = Double.parseDouble(value.textValue());
        } else if (value.isTextual()) {
            throw ComputeInput.invalid(path, value, "'" + value.textValue() + "' does not match '" + RXTX.pattern() + "'");
        } else {
            throw ComputeInput.invalid(path, value, value + " is not of type 'number', 'string'");
        }
        if (number <= 0) {
            throw ComputeInput.invalid(path, value, number + " is less than or equal to the minimum of 0");
        }
        if (number > 3.40282e+38) {
            throw ComputeInput.invalid(path, value, number + " is greater than the maximum of 3.40282e+38");
        }
        return number;
    }

    private static boolean bool(JsonNode value, String path) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String v = value.textValue().toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) {
                return true;
            }
            if (FALSE.contains(v)) {
                return false;
            }
        }
        throw ComputeInput.invalid(path, value, value + " is not one of [True, 'True', 'TRUE', 'true', '1', 'ON', "
                + "'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', "
                + "'off', 'NO', 'No', 'no', 'n', 'f']");
    }

    private static String description(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ComputeInput.invalid(path, value, value + " is not of type 'string', 'null'");
        }
        String text = value.textValue();
        if (text.length() > 65535) {
            throw ComputeInput.invalid(path, value, "'" + text.substring(0, 20) + "...' is too long");
        }
        if (!text.codePoints().allMatch(c -> !Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r')) {
            throw ComputeInput.invalid(path, value, "'" + text + "' is not a 'printable' string");
        }
        return text;
    }


    private static String string(JsonNode value, String path, int min, int max, Pattern pattern) {
        if (value == null || !value.isTextual()) {
            throw ComputeInput.invalid(path, value, value + " is not of type 'string'");
        }
        String text = value.textValue();
        if (text.length() < min) {
            throw ComputeInput.invalid(path, value, "'" + text + "' is too short");
        }
        if (text.length() > max) {
            throw ComputeInput.invalid(path, value, "'" + text + "' is too long");
        }
        if (!pattern.matcher(text).matches()) {
            throw ComputeInput.invalid(path, value, "'" + text + "' does not match '" + pattern.pattern() + "'");
        }
        return text;
    }
}

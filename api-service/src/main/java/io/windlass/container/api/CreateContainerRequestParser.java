package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.container.RestartPolicy;
import io.windlass.container.service.NewContainer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.windlass.api.microversion.ApiVersion.of;

/**
 * Validates a {@code POST /containers} body as Zun's create schema does at the requested
 * microversion, and refuses what this deployment cannot honour yet instead of silently
 * ignoring it.
 */
@ApplicationScoped
public class CreateContainerRequestParser {
    /** Every accepted field and the microversion it appeared in. */
    private static final Map<String, ApiVersion> FIELDS = fields();

    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    private static final Pattern IMAGE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]");
    private static final Pattern HOSTNAME = Pattern.compile("^[a-zA-Z0-9-._]*$");
    private static final Set<String> RESTART_NAMES = Set.of("no", "always", "on-failure", "unless-stopped");
    private static final Set<String> PULL_POLICIES = Set.of("never", "always", "ifnotpresent");
    private static final Set<String> BOOLEAN_STRINGS = Set.of("True", "TRUE", "true", "1", "ON", "On", "on", "YES",
            "Yes", "yes", "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no");

    private final ResourceAmounts amounts;

    public CreateContainerRequestParser(ResourceAmounts amounts) {
        this.amounts = amounts;
    }

    private static Map<String, ApiVersion> fields() {
        Map<String, ApiVersion> f = new LinkedHashMap<>();
        for (String always : List.of("image", "name", "command", "cpu", "memory", "disk", "workdir", "labels",
                "environment", "restart_policy", "interactive", "image_driver", "image_pull_policy",
                "security_groups", "nets", "auto_heal", "availability_zone", "hints")) {
            f.put(always, of(1, 1));
        }
        f.put("auto_remove", of(1, 3));
        f.put("runtime", of(1, 5));
        f.put("hostname", of(1, 9));
        f.put("mounts", of(1, 11));
        f.put("privileged", of(1, 21));
        f.put("healthcheck", of(1, 22));
        f.put("exposed_ports", of(1, 24));
        f.put("cpu_policy", of(1, 28));
        f.put("registry", of(1, 31));
        f.put("tty", of(1, 36));
        f.put("host", of(1, 39));
        f.put("entrypoint", of(1, 40));
        return Map.copyOf(f);
    }

    public NewContainer parse(JsonNode body, ApiVersion version) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                    "Invalid input: the request body must be a JSON object.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            ApiVersion since = FIELDS.get(field);
            if (since == null) {
                throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                        "Invalid input for field '" + field + "'. Additional properties are not allowed ('"
                                + field + "' was unexpected)");
            }
            if (!version.isAtLeast(since)) {
                throw new InvalidInputException("InvalidParamInVersion", "Invalid param " + field
                        + " because current request version is " + version + ". " + field
                        + " is only supported from version " + since);
            }
        }
        refuseUnsupported(body);

        JsonNode image = body.get("image");
        if (image == null || image.isNull()) {
            throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                    "Invalid input for field 'image'. 'image' is a required property");
        }
        boolean interactive = bool(body, "interactive", false);
        // 1.20-1.35 had no tty field: interactive meant both
        boolean tty = version.isAtLeast(of(1, 36)) ? bool(body, "tty", false)
                : version.isAtLeast(of(1, 20)) && interactive;
        return new NewContainer(
                name(body.get("name")),
                string(image, "image", 2, 255, IMAGE, true),
                command(body.get("command"), version),
                stringList(body, "entrypoint"),
                present(body, "cpu") ? amounts.cpu(body.get("cpu")) : amounts.limits().defaultCpu(),
                present(body, "memory") ? amounts.memory(body.get("memory")) : amounts.limits().defaultMemory(),
                present(body, "disk") ? amounts.disk(body.get("disk")) : amounts.limits().defaultDisk(),
                optionalString(body, "workdir", 0, 255, null),
                optionalString(body, "hostname", 1, 255, HOSTNAME),
                stringMap(body, "environment"),
                stringMap(body, "labels"),
                restartPolicy(body.get("restart_policy")),
                interactive,
                tty,
                imageDriver(body.get("image_driver")),
                pullPolicy(body.get("image_pull_policy")),
                securityGroups(body.get("security_groups")),
                bool(body, "auto_remove", false),
                bool(body, "auto_heal", false),
                runtime(body.get("runtime")),
                bool(body, "privileged", false),
                optionalString(body, "availability_zone", 1, 255, null),
                hints(body.get("hints")));
    }

    /** Fields Zun has but nothing behind this API implements yet: say so rather than ignore them. */
    private static void refuseUnsupported(JsonNode body) {
        if (nonEmpty(body.get("nets"))) {
            throw InvalidInputException.unsupported("nets", "there is no network service (Neutron) yet; "
                    + "containers join the engine's default network.");
        }
        if (nonEmpty(body.get("mounts"))) {
            throw InvalidInputException.unsupported("mounts", "there is no volume service yet.");
        }
        if (nonEmpty(body.get("exposed_ports"))) {
            throw InvalidInputException.unsupported("exposed_ports", "there is no network service yet.");
        }
        if (present(body, "registry")) {
            throw InvalidInputException.unsupported("registry", "only local images can be used.");
        }
        if (present(body, "healthcheck")) {
            throw InvalidInputException.unsupported("healthcheck", "health checks are not implemented yet.");
        }
        if (present(body, "host")) {
            throw InvalidInputException.unsupported("host", "hosts cannot be requested yet.");
        }
        if (present(body, "cpu_policy")) {
            String policy = body.get("cpu_policy").asText();
            if (!policy.equals("shared") && !policy.equals("dedicated")) {
                throw InvalidInputException.field("cpu_policy", policy, "It must be one of shared, dedicated.");
            }
            if (policy.equals("dedicated")) {
                throw InvalidInputException.unsupported("cpu_policy", "dedicated CPUs are not implemented yet.");
            }
        }
    }

    private static String name(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return string(value, "name", 2, 255, NAME, false);
    }

    static String string(JsonNode value, String field, int min, int max, Pattern pattern, boolean find) {
        if (!value.isTextual()) {
            throw InvalidInputException.field(field, value, "It must be a string.");
        }
        String s = value.asText();
        if (s.length() < min || s.length() > max) {
            throw InvalidInputException.field(field, s, "Its length must be between " + min + " and " + max + ".");
        }
        if (pattern != null && !(find ? pattern.matcher(s).find() : pattern.matcher(s).matches())) {
            throw InvalidInputException.field(field, s, "It does not match '" + pattern.pattern() + "'.");
        }
        return s;
    }

    private static String optionalString(JsonNode body, String field, int min, int max, Pattern pattern) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : string(value, field, min, max, pattern, false);
    }

    private static List<String> command(JsonNode value, ApiVersion version) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (version.isAtLeast(of(1, 20))) {
            if (!value.isArray()) {
                throw InvalidInputException.field("command", ResourceAmounts.text(value),
                        "It must be an array of strings at version " + version + ".");
            }
            return strings(value, "command");
        }
        if (!value.isTextual()) {
            throw InvalidInputException.field("command", value,
                    "It must be a string before version 1.20 (an array from 1.20 on).");
        }
        try {
            return ShellCommandSplitter.split(value.asText());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("command", value.asText(), e.getMessage() + ".");
        }
    }

    private static List<String> stringList(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw InvalidInputException.field(field, value, "It must be an array of strings.");
        }
        return strings(value, field);
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw InvalidInputException.field(field, array, "Every item must be a string.");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw InvalidInputException.field(field, value, "It must be an object.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw InvalidInputException.field(field, value, "Value of '" + e.getKey() + "' must be a string.");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Zun's scheduler hints: an object whose values are strings or lists of strings (uuids for same_host). */
    private static Map<String, List<String>> hints(JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw InvalidInputException.field("hints", value, "It must be an object.");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = new ArrayList<>();
            if (e.getValue().isTextual()) {
                values.add(e.getValue().asText());
            } else if (e.getValue().isArray()) {
                for (JsonNode item : e.getValue()) {
                    if (!item.isTextual()) {
                        throw InvalidInputException.field("hints", value, "Values of '" + e.getKey()
                                + "' must be strings.");
                    }
                    values.add(item.asText());
                }
            } else {
                throw InvalidInputException.field("hints", value, "Value of '" + e.getKey()
                        + "' must be a string or a list of strings.");
            }
            out.put(e.getKey(), List.copyOf(values));
        }
        return out;
    }

    private static RestartPolicy restartPolicy(JsonNode value) {
        if (value == null || value.isNull()) {
            return RestartPolicy.NO;
        }
        if (!value.isObject()) {
            throw InvalidInputException.field("restart_policy", value, "It must be an object.");
        }
        for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("Name") && !key.equals("MaximumRetryCount")) {
                throw InvalidInputException.field("restart_policy", value,
                        "Additional properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        JsonNode nameNode = value.get("Name");
        if (nameNode == null || !nameNode.isTextual() || !RESTART_NAMES.contains(nameNode.asText())) {
            throw InvalidInputException.field("restart_policy", value,
                    "'Name' is required and must be one of no, always, on-failure, unless-stopped.");
        }
        String name = nameNode.asText();
        int count = 0;
        JsonNode countNode = value.get("MaximumRetryCount");
        if (countNode != null && !countNode.isNull()) {
            if (countNode.isIntegralNumber() && countNode.canConvertToInt() && countNode.intValue() >= 0) {
                count = countNode.intValue();
            } else if (countNode.isTextual() && countNode.asText().matches("^[0-9]{1,9}$")) {
                count = Integer.parseInt(countNode.asText());
            } else {
                throw InvalidInputException.field("restart_policy", value,
                        "'MaximumRetryCount' must be a non-negative integer.");
            }
        }
        if ((name.equals("always") || name.equals("unless-stopped")) && count != 0) {
            throw InvalidInputException.field("restart_policy", value,
                    "maximum retry count not valid with restart policy of " + name + ".");
        }
        return new RestartPolicy(name, name.equals("no") ? 0 : count);
    }

    private static boolean bool(JsonNode body, String field, boolean absent) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && BOOLEAN_STRINGS.contains(value.asText())) {
            return OsloBoolean.parse(value.asText()).orElseThrow();
        }
        throw InvalidInputException.field(field, ResourceAmounts.text(value), "It must be a boolean.");
    }

    private static String imageDriver(JsonNode value) {
        if (value == null || value.isNull() || value.asText().equals("None")) {
            return "docker";
        }
        if (!value.isTextual() || !Set.of("docker", "glance").contains(value.asText())) {
            throw InvalidInputException.field("image_driver", ResourceAmounts.text(value),
                    "It must be one of docker, glance.");
        }
        if (value.asText().equals("glance")) {
            throw InvalidInputException.unsupported("image_driver", "there is no image service (Glance) yet; "
                    + "use docker.");
        }
        return "docker";
    }

    private static String pullPolicy(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String policy = value.isTextual() ? value.asText().toLowerCase() : "";
        if (!PULL_POLICIES.contains(policy)) {
            throw InvalidInputException.field("image_pull_policy", ResourceAmounts.text(value),
                    "It must be one of never, always, ifnotpresent.");
        }
        return policy;
    }

    private static List<String> securityGroups(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw InvalidInputException.field("security_groups", value, "It must be an array of strings.");
        }
        Set<String> groups = new LinkedHashSet<>(strings(value, "security_groups"));
        if (!groups.isEmpty() && !groups.equals(Set.of("default"))) {
            throw InvalidInputException.unsupported("security_groups",
                    "there is no network service yet; only the 'default' group exists.");
        }
        return List.copyOf(groups);
    }

    private static String runtime(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw InvalidInputException.field("runtime", value, "It must be a string.");
        }
        if (!value.asText().equals("runc")) {
            throw InvalidInputException.unsupported("runtime", "only the engine's default runtime runc exists.");
        }
        return value.asText();
    }

    private static boolean present(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull();
    }

    private static boolean nonEmpty(JsonNode value) {
        return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty());
    }
}

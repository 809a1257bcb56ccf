package io.windlass.capsule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberSpec.VolumeMount;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.capsule.service.NewCapsule;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a {@code POST /capsules} body: {@code {"template": {...}}} where the template is an
 * object or a string holding JSON or YAML (YAML is a superset of JSON, so one parser reads both).
 * Unlike Zun, semantic template errors are 400s naming the field rather than 500s: the caller
 * can fix them, the operator cannot.
 */
@ApplicationScoped
public class CapsuleTemplateParser {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    private static final Set<String> TOP_LEVEL = Set.of("kind", "metadata", "spec", "capsuleVersion",
            "availabilityZone", "restartPolicy");
    private static final Set<String> CONTAINER_KEYS = Set.of("image", "name", "command", "args", "env", "workDir",
            "imagePullPolicy", "resources", "ports", "volumeMounts", "stdin", "tty", "labels");
    private static final Map<String, String> RESTART_POLICIES = Map.of("Always", "always", "OnFailure",
            "on-failure", "Never", "no");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public NewCapsule parse(JsonNode body, ApiVersion version) {
        if (body == null || !body.isObject() || !body.has("template")) {
            throw InvalidInputException.field("template", body == null ? "" : body, "'template' is a required property");
        }
        JsonNode given = body.get("template");
        JsonNode template = given.isTextual() ? readText(given.asText()) : given;
        if (!template.isObject()) {
            throw InvalidInputException.field("template", template, "It is not an object.");
        }
        template.fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL.contains(key)) {
                throw InvalidInputException.field("template." + key, template.get(key),
                        "Additional properties are not allowed.");
            }
        });
        String kind = template.path("kind").asText("");
        if (!Set.of("capsule", "Capsule", "pod", "Pod").contains(kind)) {
            throw InvalidInputException.field("template.kind", kind, "It must be capsule (or pod).");
        }
        JsonNode metadata = required(template, "metadata", "template.metadata");
        JsonNode spec = required(template, "spec", "template.spec");
        String name = null;
        if (metadata.hasNonNull("name")) {
            name = metadata.get("name").asText();
            if (!NAME.matcher(name).matches() || name.length() > 255) {
                throw InvalidInputException.field("template.metadata.name", name,
                        "It does not match '" + NAME.pattern() + "'.");
            }
        }
        Map<String, String> labels = stringMap(metadata.get("labels"), "template.metadata.labels");
        Map<String, String> annotations = stringMap(metadata.get("annotations"), "template.metadata.annotations");
        if (!annotations.isEmpty() && !version.isAtLeast(ApiVersion.of(1, 38))) {
            throw tooEarly("template.metadata.annotations", "1.38", version);
        }
        String restart = restartPolicy(spec, template);

        List<CapsuleVolumeSpec> volumes = volumes(spec.get("volumes"));
        Set<String> volumeNames = new HashSet<>();
        volumes.forEach(v -> volumeNames.add(v.name()));

        JsonNode containers = spec.get("containers");
        if (containers == null || !containers.isArray() || containers.isEmpty()) {
            throw InvalidInputException.field("template.spec.containers", containers == null ? "" : containers,
                    "A capsule needs at least one container.");
        }
        JsonNode inits = spec.get("initContainers");
        if (inits != null && !inits.isEmpty() && !version.isAtLeast(ApiVersion.of(1, 34))) {
            throw tooEarly("template.spec.initContainers", "1.34", version);
        }
        Set<String> memberNames = new HashSet<>();
        Set<String> mounted = new HashSet<>();
        List<CapsuleMemberSpec> initMembers = members(inits, "template.spec.initContainers", volumeNames,
                memberNames, mounted, version);
        List<CapsuleMemberSpec> appMembers = members(containers, "template.spec.containers", volumeNames,
                memberNames, mounted, version);
        for (CapsuleVolumeSpec v : volumes) {
            if (!mounted.contains(v.name())) {
                throw InvalidInputException.field("template.spec.volumes", v.name(),
                        "volume mount parameters is invalid: volume " + v.name() + " is mounted by no container.");
            }
        }
        String zone = template.hasNonNull("availabilityZone") ? template.get("availabilityZone").asText() : null;
        return new NewCapsule(name, labels, annotations, restart, zone, initMembers, appMembers, volumes);
    }

    private JsonNode readText(String text) {
        try {
            JsonNode parsed = yaml.readTree(text);
            if (parsed == null) {
                throw InvalidInputException.field("template", "", "The template is empty.");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.field("template", abbreviate(text),
                    "It is neither JSON nor YAML: " + e.getOriginalMessage());
        }
    }

    private static String restartPolicy(JsonNode spec, JsonNode template) {
        JsonNode given = spec.has("restartPolicy") ? spec.get("restartPolicy") : template.get("restartPolicy");
        String field = spec.has("restartPolicy") ? "template.spec.restartPolicy" : "template.restartPolicy";
        if (given == null || given.isNull()) {
            return "always";
        }
        String mapped = RESTART_POLICIES.get(given.asText());
        if (mapped == null) {
            throw InvalidInputException.field(field, given.asText(), "It is not one of Always, OnFailure, Never.");
        }
        return mapped;
    }

    private static List<CapsuleVolumeSpec> volumes(JsonNode node) {
        List<CapsuleVolumeSpec> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw InvalidInputException.field("template.spec.volumes", node, "It is not an array.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            String field = "template.spec.volumes[" + i + "]";
            String name = v.path("name").asText("");
            if (!NAME.matcher(name).matches()) {
                throw InvalidInputException.field(field + ".name", name, "It does not match '" + NAME.pattern() + "'.");
            }
            if (!seen.add(name)) {
                throw InvalidInputException.field(field + ".name", name, "Volume names must be unique.");
            }
            JsonNode cinder = v.get("cinder");
            if (cinder == null || !cinder.isObject()) {
                throw InvalidInputException.field(field + ".cinder", cinder == null ? "" : cinder,
                        "'cinder' is a required property");
            }
            boolean hasId = cinder.hasNonNull("volumeID");
            boolean hasSize = cinder.hasNonNull("size");
            if (hasId == hasSize) {
                throw InvalidInputException.field(field + ".cinder", cinder,
                        "Give either volumeID (an existing volume) or size (a new one).");
            }
            if (hasSize) {
                JsonNode size = cinder.get("size");
                if (!size.canConvertToInt() || !size.isIntegralNumber() || size.asInt() <= 0) {
                    throw InvalidInputException.field(field + ".cinder.size", size.asText(),
                            "It must be a positive integer (GiB).");
                }
                boolean autoRemove = cinder.path("autoRemove").asBoolean(false);
                out.add(new CapsuleVolumeSpec(name, size.asInt(), null, autoRemove));
            } else {
                out.add(new CapsuleVolumeSpec(name, null, cinder.get("volumeID").asText(), false));
            }
        }
        return out;
    }

    private static List<CapsuleMemberSpec> members(JsonNode node, String field, Set<String> volumeNames,
                                                   Set<String> memberNames, Set<String> mounted,
                                                   ApiVersion version) {
        List<CapsuleMemberSpec> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw InvalidInputException.field(field, node, "It is not an array.");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(member(node.get(i), field + "[" + i + "]", volumeNames, memberNames, mounted, version));
        }
        return out;
    }

    private static CapsuleMemberSpec member(JsonNode c, String field, Set<String> volumeNames,
                                            Set<String> memberNames, Set<String> mounted, ApiVersion version) {
        if (!c.isObject()) {
            throw InvalidInputException.field(field, c, "It is not an object.");
        }
        c.fieldNames().forEachRemaining(key -> {
            if (!CONTAINER_KEYS.contains(key)) {
                throw InvalidInputException.field(field + "." + key, c.get(key), "Additional properties are not allowed.");
            }
        });
        if (!c.hasNonNull("image") || c.get("image").asText().isBlank()) {
            throw InvalidInputException.field(field + ".image", "", "'image' is a required property");
        }
        String templateName = null;
        if (c.hasNonNull("name")) {
            templateName = c.get("name").asText();
            if (!NAME.matcher(templateName).matches()) {
                throw InvalidInputException.field(field + ".name", templateName,
                        "It does not match '" + NAME.pattern() + "'.");
            }
            if (!memberNames.add(templateName)) {
                throw InvalidInputException.field(field + ".name", templateName,
                        "Container names must be unique within a capsule.");
            }
        }
        List<String> command = strings(c.get("command"), field + ".command");
        command.addAll(strings(c.get("args"), field + ".args"));
        JsonNode requests = c.path("resources").path("requests");
        double cpu = number(requests.get("cpu"), field + ".resources.requests.cpu");
        int memory = (int) Math.ceil(number(requests.get("memory"), field + ".resources.requests.memory"));
        List<String> ports = ports(c.get("ports"), field + ".ports", version);
        List<VolumeMount> mounts = new ArrayList<>();
        JsonNode vm = c.get("volumeMounts");
        if (vm != null && !vm.isNull()) {
            for (int i = 0; i < vm.size(); i++) {
                JsonNode m = vm.get(i);
                String mField = field + ".volumeMounts[" + i + "]";
                String volume = m.path("name").asText("");
                String path = m.path("mountPath").asText("");
                if (!volumeNames.contains(volume)) {
                    throw InvalidInputException.field(mField + ".name", volume, "No volume of that name is declared.");
                }
                if (!path.startsWith("/")) {
                    throw InvalidInputException.field(mField + ".mountPath", path, "It must be an absolute path.");
                }
                mounted.add(volume);
                mounts.add(new VolumeMount(volume, path, m.path("readOnly").asBoolean(false)));
            }
        }
        String workDir = c.hasNonNull("workDir") ? c.get("workDir").asText() : null;
        return new CapsuleMemberSpec(null, null, templateName, c.get("image").asText(), command,
                stringMap(c.get("env"), field + ".env"), workDir, cpu, memory, ports, mounts);
    }

    private static List<String> ports(JsonNode node, String field, ApiVersion version) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!version.isAtLeast(ApiVersion.of(1, 35))) {
            throw tooEarly(field, "1.35", version);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            JsonNode port = p.get("containerPort");
            if (port == null || !port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
                throw InvalidInputException.field(field + "[" + i + "].containerPort", port == null ? "" : port,
                        "It must be a port number (1-65535).");
            }
            String protocol = p.path("protocol").asText("TCP");
            if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
                throw InvalidInputException.field(field + "[" + i + "].protocol", protocol, "It is not TCP or UDP.");
            }
            out.add(port.asInt() + "/" + protocol.toLowerCase());
        }
        return out;
    }

    private static JsonNode required(JsonNode parent, String key, String field) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isObject()) {
            throw InvalidInputException.field(field, node == null ? "" : node, "'" + key + "' is a required object");
        }
        return node;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw InvalidInputException.field(field, node, "It is not an array.");
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw InvalidInputException.field(field, node, "It is not an object.");
        }
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static double number(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isNumber() || node.asDouble() < 0) {
            throw InvalidInputException.field(field, node, "It must be a non-negative number.");
        }
        return node.asDouble();
    }

    private static InvalidInputException tooEarly(String field, String since, ApiVersion version) {
        return new InvalidInputException("InvalidParamInVersion", "Invalid param " + field
                + " because current request version is " + version + ". " + field
                + " is only supported from version " + since);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}

package io.windlass.capsule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.capsule.service.NewCapsule;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Zun's capsule requests: {@code {"template": {...}}} where the template is an object or a string
 * holding JSON or YAML (YAML is a superset of JSON, so one parser reads both), checked by
 * {@code schemas/container/capsules/create.json}.
 */
@ApplicationScoped
public class CapsuleRequests {
    private static final Map<String, String> RESTART_POLICIES = Map.of("Always", "always", "OnFailure",
            "on-failure", "Never", "no");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final RequestValidator validator;

    public CapsuleRequests(RequestValidator validator) {
        this.validator = validator;
    }

    public NewCapsule create(JsonNode body, ApiVersion version) {
        if (body != null && body.path("template").isTextual()) {
            body = ((ObjectNode) body.deepCopy()).set("template", readText(body.get("template").asText()));
        }
        RequestFields template = validator.body(ApiFamily.ZUN, "container/capsules/create", version, body)
                .object("template");
        RequestFields spec = template.object("spec");
        String restart = spec.has("restartPolicy") ? spec.text("restartPolicy") : template.text("restartPolicy");
        return template.object("metadata").as(NewCapsule.class, "availabilityZone", template.text("availabilityZone"),
                "restartPolicy", restart == null ? "always" : RESTART_POLICIES.get(restart),
                "initContainers", spec.items("initContainers").map(CapsuleRequests::member).toList(),
                "containers", spec.items("containers").map(CapsuleRequests::member).toList(),
                "volumes", spec.items("volumes").map(CapsuleRequests::volume).toList());
    }

    /** A member as Zun builds it: args after the command, each port as {@code <port>/<protocol>}. */
    private static CapsuleMemberSpec member(RequestFields c) {
        List<String> command = c.strings("command");
        command.addAll(c.strings("args"));
        RequestFields requests = c.object("resources").object("requests");
        return c.as(CapsuleMemberSpec.class, "command", command, "exposedPorts", c.items("ports").map(p ->
                        p.get("containerPort").asInt() + "/" + p.get("protocol").asText("TCP").toLowerCase()).toList(),
                "cpu", requests.get("cpu").asDouble(0), "memoryMb", (int) Math.ceil(requests.get("memory").asDouble(0)));
    }

    /** A new volume of {@code size} (removed with the capsule if asked), or an existing one by id. */
    private static CapsuleVolumeSpec volume(RequestFields v) {
        RequestFields cinder = v.object("cinder");
        boolean created = cinder.has("size");
        return new CapsuleVolumeSpec(v.text("name"), created ? cinder.get("size").asInt() : null,
                cinder.text("volumeID"), created && cinder.bool("autoRemove", false));
    }

    private JsonNode readText(String text) {
        try {
            JsonNode parsed = yaml.readTree(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw InvalidInputException.field("template", "", "The template is empty.");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.field("template", text.length() > 80 ? text.substring(0, 80) + "..." : text,
                    "It is neither JSON nor YAML: " + e.getOriginalMessage());
        }
    }
}

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
import io.windlass.capsule.CapsuleMemberSpec.VolumeMount;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.capsule.service.NewCapsule;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zun's capsule requests: {@code {"template": {...}}} where the template is an object or a string
 * holding JSON or YAML (YAML is a superset of JSON, so one parser reads both), checked by
 * {@code schemas/container/capsules/create.json}. What a schema cannot say (unique names, mounts of
 * declared volumes) is a 400 naming the field too, where Zun would answer 500.
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
        RequestFields template = new RequestFields(validator.body(ApiFamily.ZUN, "container/capsules/create", version,
                body)).object("template");
        RequestFields metadata = template.object("metadata");
        RequestFields spec = template.object("spec");
        List<CapsuleVolumeSpec> volumes = new ArrayList<>();
        Set<String> unmounted = new LinkedHashSet<>();
        for (int i = 0; i < spec.get("volumes").size(); i++) {
            RequestFields v = new RequestFields(spec.get("volumes").get(i));
            RequestFields cinder = v.object("cinder");
            refuseIf(!unmounted.add(v.text("name")), "template.spec.volumes[" + i + "].name", v.text("name"),
                    "Volume names must be unique.");
            volumes.add(new CapsuleVolumeSpec(v.text("name"), cinder.has("size") ? cinder.get("size").asInt() : null,
                    cinder.text("volumeID"), cinder.has("size") && cinder.bool("autoRemove", false)));
        }
        Set<String> declared = Set.copyOf(unmounted);
        Set<String> memberNames = new HashSet<>();
        List<CapsuleMemberSpec> inits = members(spec.get("initContainers"), "template.spec.initContainers", declared,
                memberNames, unmounted);
        List<CapsuleMemberSpec> apps = members(spec.get("containers"), "template.spec.containers", declared,
                memberNames, unmounted);
        String volume = unmounted.stream().findFirst().orElse(null);
        refuseIf(volume != null, "template.spec.volumes", volume,
                "volume mount parameters is invalid: volume " + volume + " is mounted by no container.");
        String restart = spec.has("restartPolicy") ? spec.text("restartPolicy") : template.text("restartPolicy");
        return new NewCapsule(metadata.text("name"), metadata.stringMap("labels"), metadata.stringMap("annotations"),
                restart == null ? "always" : RESTART_POLICIES.get(restart), template.text("availabilityZone"), inits,
                apps, volumes);
    }

    /** {@code GET /capsules} and {@code DELETE /capsules/{id}}: limit, marker, sort_dir, all_projects. */
    public RequestFields list(Map<String, List<String>> query, ApiVersion version) {
        return new RequestFields(validator.query(ApiFamily.ZUN, "container/capsules/list-query", version, query));
    }

    private static List<CapsuleMemberSpec> members(JsonNode array, String field, Set<String> declared,
                                                   Set<String> memberNames, Set<String> unmounted) {
        List<CapsuleMemberSpec> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            RequestFields c = new RequestFields(array.get(i));
            String at = field + "[" + i + "]";
            refuseIf(c.has("name") && !memberNames.add(c.text("name")), at + ".name", c.text("name"),
                    "Container names must be unique within a capsule.");
            List<String> command = c.strings("command");
            command.addAll(c.strings("args"));
            List<String> ports = new ArrayList<>();
            c.get("ports").forEach(p -> ports.add(p.get("containerPort").asInt() + "/"
                    + p.path("protocol").asText("TCP").toLowerCase()));
            List<VolumeMount> mounts = new ArrayList<>();
            for (int m = 0; m < c.get("volumeMounts").size(); m++) {
                RequestFields mount = new RequestFields(c.get("volumeMounts").get(m));
                refuseIf(!declared.contains(mount.text("name")), at + ".volumeMounts[" + m + "].name", mount.text("name"),
                        "No volume of that name is declared.");
                unmounted.remove(mount.text("name"));
                mounts.add(new VolumeMount(mount.text("name"), mount.text("mountPath"), mount.bool("readOnly", false)));
            }
            RequestFields requests = c.object("resources").object("requests");
            out.add(new CapsuleMemberSpec(null, null, c.text("name"), c.text("image"), command, c.stringMap("env"),
                    c.text("workDir"), requests.get("cpu").asDouble(0),
                    (int) Math.ceil(requests.get("memory").asDouble(0)), ports, mounts));
        }
        return out;
    }

    private JsonNode readText(String text) {
        try {
            JsonNode parsed = yaml.readTree(text);
            refuseIf(parsed == null || parsed.isMissingNode(), "template", "", "The template is empty.");
            return parsed;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.field("template", text.length() > 80 ? text.substring(0, 80) + "..." : text,
                    "It is neither JSON nor YAML: " + e.getOriginalMessage());
        }
    }

    private static void refuseIf(boolean refused, String field, String value, String why) {
        if (refused) {
            throw InvalidInputException.field(field, value, why);
        }
    }
}

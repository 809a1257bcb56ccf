package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.PythonRepr;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.container.ContainerStatus;
import io.windlass.container.RestartPolicy;
import io.windlass.container.TaskState;
import io.windlass.container.service.ContainerPatch;
import io.windlass.container.service.NewContainer;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Zun's container requests, read once their schemas ({@code schemas/container/containers/}) accept them. */
@ApplicationScoped
public class ContainerRequests {
    private static final List<String> FILTERS = List.of("name", "image", "project_id", "user_id", "memory", "host",
            "task_state", "status", "auto_remove");

    private final RequestValidator validator;
    private final ContainerLimits limits;

    public ContainerRequests(RequestValidator validator, ContainerLimits limits) {
        this.validator = validator;
        this.limits = limits;
    }

    public NewContainer create(JsonNode body, ApiVersion version) {
        RequestFields f = new RequestFields(validator.body(ApiFamily.ZUN, "container/containers/create", version, body));
        boolean interactive = f.bool("interactive", false);
        // 1.20-1.35 had no tty field: interactive meant both
        boolean tty = version.isAtLeast(ContainerApiVersions.TTY) ? f.bool("tty", false)
                : version.isAtLeast(ContainerApiVersions.COMMAND_LIST) && interactive;
        return new NewContainer(f.text("name"), f.text("image"), command(f, version),
                f.has("entrypoint") ? f.strings("entrypoint") : null,
                f.has("cpu") ? Double.parseDouble(f.text("cpu")) : limits.defaultCpu(),
                f.has("memory") ? Integer.parseInt(f.text("memory")) : limits.defaultMemory(),
                f.has("disk") ? Integer.parseInt(f.text("disk")) : limits.defaultDisk(),
                f.text("workdir"), f.text("hostname"), f.stringMap("environment"), f.stringMap("labels"),
                restartPolicy(f.object("restart_policy")), interactive, tty, "docker",
                f.has("image_pull_policy") ? f.text("image_pull_policy").toLowerCase(Locale.ROOT) : null,
                List.copyOf(new LinkedHashSet<>(f.strings("security_groups"))), f.bool("auto_remove", false),
                f.bool("auto_heal", false), f.text("runtime"), f.bool("privileged", false),
                f.text("availability_zone"), f.stringLists("hints"));
    }

    /** {@code PATCH /containers/{ident}}: cpu, memory, name, auto_heal. */
    public ContainerPatch patch(JsonNode body, ApiVersion version) {
        RequestFields f = new RequestFields(validator.body(ApiFamily.ZUN, "container/containers/update", version, body));
        return new ContainerPatch(f.text("name"), f.has("auto_heal") ? f.bool("auto_heal", false) : null,
                f.has("cpu") ? Double.valueOf(f.text("cpu")) : null,
                f.has("memory") ? Integer.valueOf(f.text("memory")) : null);
    }

    /** {@code GET /containers}: unknown parameters are Zun's InvalidValue, the rest its schema's. */
    public ContainerListQuery list(Map<String, List<String>> query, ApiVersion version, int maxLimit) {
        String schema = "container/containers/list-query";
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(validator.parameters(schema, version));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("InvalidValue", "Unknown parameters: " + String.join(", ", unknown));
        }
        RequestFields f = new RequestFields(validator.query(ApiFamily.ZUN, schema, version, query));
        Map<String, Object> filters = new LinkedHashMap<>();
        FILTERS.stream().filter(f::has).forEach(name -> filters.put(name, switch (name) {
            case "memory" -> Integer.parseInt(f.text(name));
            case "status" -> ContainerStatus.fromValue(f.text(name));
            case "task_state" -> TaskState.fromValue(f.text(name));
            case "auto_remove" -> f.bool(name, false);
            default -> f.text(name);
        }));
        return new ContainerListQuery(f.has("limit") ? new BigInteger(f.text("limit")).min(BigInteger.valueOf(maxLimit))
                .intValue() : maxLimit, f.has("marker") ? UUID.fromString(f.text("marker")) : null,
                f.has("sort_key") ? f.text("sort_key") : "id", f.has("sort_dir") ? f.text("sort_dir") : "asc",
                f.bool("all_projects", false), filters);
    }

    /** The boolean and timeout query parameters of create, show, delete, stop and reboot. */
    public RequestFields flags(Map<String, List<String>> query, ApiVersion version) {
        return new RequestFields(validator.query(ApiFamily.ZUN, "container/containers/flags-query", version, query));
    }

    /** {@code POST /containers/{ident}/rename?name=}: the new name. */
    public String rename(Map<String, List<String>> query, ApiVersion version) {
        return validator.query(ApiFamily.ZUN, "container/containers/rename-query", version, query).get("name").asText();
    }

    private static List<String> command(RequestFields f, ApiVersion version) {
        if (!f.has("command") || version.isAtLeast(ContainerApiVersions.COMMAND_LIST)) {
            return f.strings("command");
        }
        try {
            return ShellCommandSplitter.split(f.text("command"));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("command", f.text("command"), e.getMessage() + ".");
        }
    }

    private static RestartPolicy restartPolicy(RequestFields policy) {
        String name = policy.has("Name") ? policy.text("Name") : "no";
        int count = policy.has("MaximumRetryCount") ? Integer.parseInt(policy.text("MaximumRetryCount")) : 0;
        if ((name.equals("always") || name.equals("unless-stopped")) && count != 0) {
            throw InvalidInputException.field("restart_policy", PythonRepr.str(policy.node()),
                    "maximum retry count not valid with restart policy of " + name + ".");
        }
        return new RestartPolicy(name, name.equals("no") ? 0 : count);
    }
}

package io.windlass.container.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.microversion.ContainerApiVersions;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.container.ContainerHealthcheck;
import io.windlass.container.ContainerStatus;
import io.windlass.container.RestartPolicy;
import io.windlass.container.TaskState;
import io.windlass.container.service.ArchiveUpload;
import io.windlass.container.service.ContainerLogQuery;
import io.windlass.container.service.ExecCommand;
import io.windlass.container.service.ExecResize;
import io.windlass.container.service.NewContainer;
import io.windlass.container.service.RequestedMount;
import io.windlass.port.workload.RequestedNetwork;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Zun's container requests, read once their schemas ({@code schemas/container/containers/}) accept them. */
@ApplicationScoped
public class ContainerRequests {
    private static final List<String> FILTERS = List.of("name", "image", "project_id", "user_id", "memory", "host",
            "task_state", "status", "auto_remove");

    private final RequestValidator validator;

    public ContainerRequests(RequestValidator validator) {
        this.validator = validator;
    }

    public NewContainer create(JsonNode body, ApiVersion version) {
        RequestFields f = validator.body(ApiFamily.ZUN, "container/containers/create", version, body);
        if ("dedicated".equals(f.text("cpu_policy")) && f.has("cpu")
                && Double.parseDouble(f.text("cpu")) != Math.rint(Double.parseDouble(f.text("cpu")))) {
            // Zun's claim takes int(cpu) CPUs, so 1.5 would get one and 0.5 none: refused instead
            throw InvalidInputException.field("cpu", f.text("cpu"), "cpu_policy dedicated takes whole CPUs.");
        }
        RestartPolicy restart = f.object("restart_policy").as(RestartPolicy.class);
        // 1.20-1.35 had no tty field: interactive meant both
        boolean tty = version.isAtLeast(ContainerApiVersions.TTY) ? f.bool("tty", false)
                : version.isAtLeast(ContainerApiVersions.COMMAND_LIST) && f.bool("interactive", false);
        return f.as(NewContainer.class, "command", command(f, version), "tty", tty, "imageDriver", "docker",
                "entrypoint", f.has("entrypoint") ? f.strings("entrypoint") : null,
                "restartPolicy", restart.name().equals("no") ? RestartPolicy.NO : restart,
                "imagePullPolicy", f.has("image_pull_policy") ? f.text("image_pull_policy").toLowerCase(Locale.ROOT) : null,
                "securityGroups", List.copyOf(new LinkedHashSet<>(f.strings("security_groups"))),
                "nets", nets(f),
                "exposedPorts", ZunExposedPorts.normalize(() -> f.get("exposed_ports").fieldNames()),
                "healthcheck", healthcheck(f.object("healthcheck")),
                "mounts", f.items("mounts").map(m -> new RequestedMount(m.text("source"), m.text("destination"),
                        m.has("size") ? Integer.valueOf(m.text("size")) : null)).toList());
    }

    /**
     * Zun's request names the command {@code cmd} and keeps it as {@code test}; {@code test} alone (a shown
     * healthcheck sent back) is taken as the command; an empty object is none.
     */
    private static ContainerHealthcheck healthcheck(RequestFields h) {
        String command = h.has("cmd") ? h.text("cmd") : h.has("test") ? h.text("test") : null;
        if (command == null) {
            return null;
        }
        return new ContainerHealthcheck(command, seconds(h, "interval"), seconds(h, "retries"),
                seconds(h, "timeout"), seconds(h, "start_period"));
    }

    private static Integer seconds(RequestFields h, String field) {
        return h.has(field) ? h.get(field).intValue() : null;
    }

    /**
     * Zun's {@code nets} items: a port (any fixed IP beside it is ignored, as Zun does), or a network
     * with at most one fixed IP (v4 wins over v6, as Zun's build_requested_networks has it).
     */
    private static List<RequestedNetwork> nets(RequestFields f) {
        return f.items("nets").map(item -> item.has("port") ? RequestedNetwork.ofPort(item.text("port"))
                : RequestedNetwork.ofNetwork(item.text("network"),
                        item.has("v4-fixed-ip") ? item.text("v4-fixed-ip") : item.text("v6-fixed-ip"))).toList();
    }

    /** {@code GET /containers}: the filters typed as the repository compares them. */
    public ListQuery list(Map<String, List<String>> query, ApiVersion version, int maxLimit) {
        RequestFields f = validator.query(ApiFamily.ZUN, "container/containers/list-query", version, query);
        Map<String, Object> filters = new LinkedHashMap<>();
        FILTERS.stream().filter(f::has).forEach(name -> filters.put(name, switch (name) {
            case "memory" -> Integer.parseInt(f.text(name));
            case "status" -> ContainerStatus.fromValue(f.text(name));
            case "task_state" -> TaskState.fromValue(f.text(name));
            case "auto_remove" -> f.bool(name, false);
            default -> f.text(name);
        }));
        return f.as(ListQuery.class, "limit", f.limit(maxLimit), "filters", filters);
    }

    /**
     * {@code GET /containers/{id}/logs}: Zun's parameters, both streams and no timestamps unless told.
     * A request for neither stream is refused by the schema, where Zun's engine refuses it.
     */
    public ContainerLogQuery logs(Map<String, List<String>> query, ApiVersion version) {
        RequestFields f = validator.query(ApiFamily.ZUN, "container/containers/logs-query", version, query);
        return new ContainerLogQuery(f.bool("stdout", true), f.bool("stderr", true), f.bool("timestamps", false),
                f.has("tail") ? ZunLogParameters.tail(f.text("tail")) : null,
                f.has("since") ? ZunLogParameters.since(f.text("since")) : null, f.bool("follow", false));
    }

    /**
     * {@code POST /containers/{id}/execute}: Zun's query parameters, {@code run} true unless told;
     * {@code interactive} (as python-zunclient sends it, with {@code run=false}) is not run. The command
     * is split as docker-py splits a command string (shlex); one with an open quote, or of blanks only
     * (refused by the schema), names no program: a 400 here, where Zun's engine call fails with a 500.
     */
    public ExecCommand execute(Map<String, List<String>> query, ApiVersion version) {
        RequestFields f = validator.query(ApiFamily.ZUN, "container/containers/execute-query", version, query);
        String command = f.text("command");
        List<String> argv;
        try {
            argv = ShellCommandSplitter.split(command);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.query("command", command, e.getMessage() + ".");
        }
        boolean interactive = f.bool("interactive", false);
        return new ExecCommand(command, argv, f.bool("run", true) && !interactive, interactive);
    }

    /** {@code POST /containers/{id}/resize}: the attached terminal's new size, rows then columns. */
    public int[] resize(Map<String, List<String>> query, ApiVersion version) {
        RequestFields f = validator.query(ApiFamily.ZUN, "container/containers/resize-query", version, query);
        return new int[]{Integer.parseInt(f.text("h")), Integer.parseInt(f.text("w"))};
    }

    /** {@code POST /containers/{id}/execute_resize}: the exec instance and its terminal's new size. */
    public ExecResize executeResize(Map<String, List<String>> query, ApiVersion version) {
        return validator.query(ApiFamily.ZUN, "container/containers/execute_resize-query", version, query)
                .as(ExecResize.class);
    }

    /**
     * {@code GET /containers/{id}/top}: the options for {@code ps}, or null for the engine's default.
     * python-zunclient sends {@code ps_args=None} when it has none, which Zun's driver reads as none.
     */
    public String top(Map<String, List<String>> query, ApiVersion version) {
        RequestFields f = validator.query(ApiFamily.ZUN, "container/containers/top-query", version, query);
        return f.has("ps_args") && !f.text("ps_args").equals("None") ? f.text("ps_args") : null;
    }

    /** {@code POST /containers/{id}/commit}: the repository and tag (null: {@code latest}) of the new image. */
    public CommitTarget commit(Map<String, List<String>> query, ApiVersion version) {
        return validator.query(ApiFamily.ZUN, "container/containers/commit-query", version, query).as(CommitTarget.class);
    }

    /** Where a commit puts the container's filesystem. */
    public record CommitTarget(String repository, String tag) {
    }

    /** {@code GET /containers/{id}/get_archive}: the path to copy out. */
    public String getArchive(Map<String, List<String>> query, ApiVersion version) {
        return validator.query(ApiFamily.ZUN, "container/containers/get_archive-query", version, query).text("path");
    }

    /**
     * {@code POST /containers/{id}/put_archive}: the archive (base64 from 1.25) and the directory to
     * extract it into, from the body or, as python-zunclient sends it, the query (pecan hands Zun
     * both as one set of arguments).
     */
    public ArchiveUpload putArchive(JsonNode body, Map<String, List<String>> query, ApiVersion version) {
        RequestFields b = validator.body(ApiFamily.ZUN, "container/containers/put_archive", version, body);
        RequestFields q = validator.query(ApiFamily.ZUN, "container/containers/put_archive-query", version, query);
        String path = b.has("path") ? b.text("path") : q.text("path");
        if (path == null) {
            throw new InvalidInputException(InvalidInputException.SCHEMA_VALIDATION_ERROR,
                    "'path' is a required property");
        }
        return new ArchiveUpload(path, ZunArchiveData.decode(b.text("data"), version));
    }

    /**
     * A validated {@code GET /containers}: Zun's sort keys and filter names are the column names.
     *
     * @param marker  uuid of the last container of the previous page, or null
     * @param filters filter name to typed value
     */
    public record ListQuery(int limit, UUID marker, String sortKey, String sortDir, boolean allProjects,
                            Map<String, Object> filters) {
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
}

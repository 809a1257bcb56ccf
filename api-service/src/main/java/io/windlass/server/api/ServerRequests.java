package io.windlass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.quota.QuotaConfig;
import io.windlass.server.InjectedFile;
import io.windlass.server.ServerAction;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.persistence.ServerQuery.SortKey;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.service.ServerCreateRequest;
import io.windlass.server.service.ServerLookup;
import io.windlass.server.service.ServerStatusMapping;
import io.windlass.server.service.ServerStatusMapping.StatePair;
import io.windlass.server.service.ServerUpdate;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Nova's server requests, read once their schemas ({@code schemas/compute/servers/}) accept them.
 * What the schemas cannot say is here: the networks, images and block devices Windlass cannot
 * provide are 400s, the metadata and personality limits Nova's quota-style 403s.
 */
@ApplicationScoped
public class ServerRequests {
    private static final List<String> EQUAL_FILTERS = List.of("image", "flavor", "reservation_id", "availability_zone",
            "key_name", "vm_state", "task_state", "user_id", "hostname", "host", "node", "power_state", "uuid", "locked");

    private final RequestValidator validator;
    private final QuotaConfig quotas;

    public ServerRequests(RequestValidator validator, QuotaConfig quotas) {
        this.validator = validator;
        this.quotas = quotas;
    }

    /** {@code {"server": {...}, "os:scheduler_hints"?: {...}}}. */
    public ServerCreateRequest create(JsonNode body, ApiVersion version) {
        RequestFields root = new RequestFields(validator.body(ApiFamily.NOVA, "compute/servers/create", version, body));
        RequestFields s = root.object("server");
        String imageRef = imageRef(s);
        String network = network(s.get("networks"));
        Map<String, String> metadata = s.stringMap("metadata");
        refuseOverLimit(metadata.size(), quotas.metadataItems(), "MetadataLimitExceeded",
                "Maximum number of metadata items exceeds " + quotas.metadataItems());
        List<InjectedFile> files = personality(s.get("personality"));
        int minCount = s.has("min_count") ? Integer.parseInt(s.text("min_count")) : 1;
        int maxCount = s.has("max_count") ? Integer.parseInt(s.text("max_count")) : minCount;
        refuseIf(minCount > maxCount, "min_count must be <= max_count");
        // zone:host[:node] is the admin's forced-host form
        String[] zone = s.has("availability_zone") ? s.text("availability_zone").split(":", -1) : new String[] {null};
        String forcedHost = zone.length > 1 && !zone[1].isEmpty() ? zone[1] : null;
        refuseIf(forcedHost != null && s.has("host"), "The requested availability zone contains ':'. "
                + "Use the 'host' field or the 'zone:host' form, not both.");
        forcedHost = s.has("host") ? s.text("host") : forcedHost;
        refuseIf(s.has("hypervisor_hostname") && forcedHost != null && !forcedHost.equals(s.text("hypervisor_hostname")),
                "host and hypervisor_hostname name different hosts; a Windlass compute host is its own hypervisor.");
        forcedHost = s.has("hypervisor_hostname") ? s.text("hypervisor_hostname") : forcedHost;
        List<String> groups = new ArrayList<>();
        s.get("security_groups").forEach(g -> groups.add(g.get("name").asText()));
        // no network service, so the only group there is is the implicit default one
        groups.stream().filter(g -> !g.equals("default")).findFirst().ifPresent(g -> refuseIf(true,
                "Unable to find security_group with name or id '" + g + "'"));
        refuseIf(s.has("hostname") && maxCount > 1, "Cannot request a hostname with more than one server (max_count > 1).");
        blockDevices(s.get("block_device_mapping_v2"), imageRef);
        String hints = root.node().has("os:scheduler_hints") ? "os:scheduler_hints" : "OS-SCH-HNT:scheduler_hints";
        return new ServerCreateRequest(s.text("name"), reference(s.text("flavorRef")), imageRef, metadata,
                s.text("user_data"), files, minCount, maxCount, s.bool("return_reservation_id", false),
                zone[0] == null || zone[0].isEmpty() ? null : zone[0], forcedHost,
                List.copyOf(new LinkedHashSet<>(groups)), s.text("accessIPv4"), s.text("accessIPv6"),
                Objects.requireNonNullElse(s.text("OS-DCF:diskConfig"), "MANUAL"), s.text("adminPass"),
                s.text("description"), s.text("hostname"), network, root.stringLists(hints));
    }

    /** {@code {"server": {name?, description?, accessIPv4?, accessIPv6?, OS-DCF:diskConfig?, hostname?}}}. */
    public ServerUpdate update(JsonNode body, ApiVersion version) {
        RequestFields s = new RequestFields(validator.body(ApiFamily.NOVA, "compute/servers/update", version, body))
                .object("server");
        JsonNode given = s.node();
        return new ServerUpdate(s.text("name"), given.has("description"), s.text("description"),
                given.has("accessIPv4"), s.text("accessIPv4"), given.has("accessIPv6"), s.text("accessIPv6"),
                given.has("OS-DCF:diskConfig") ? Objects.requireNonNullElse(s.text("OS-DCF:diskConfig"), "MANUAL")
                        : null, s.text("hostname"));
    }

    /** The power actions: {@code os-start}, {@code os-stop}, {@code reboot}, {@code pause}, {@code unpause}. */
    public ServerAction action(JsonNode body, ApiVersion version) {
        JsonNode action = validator.body(ApiFamily.NOVA, "compute/servers/action", version, body);
        return switch (action.fieldNames().next()) {
            case "os-start" -> ServerAction.START;
            case "os-stop" -> ServerAction.STOP;
            case "pause" -> ServerAction.PAUSE;
            case "unpause" -> ServerAction.UNPAUSE;
            // Nova's schema accepts the type in any case
            default -> action.path("reboot").path("type").asText().equalsIgnoreCase("SOFT")
                    ? ServerAction.REBOOT_SOFT : ServerAction.REBOOT_HARD;
        };
    }

    /**
     * {@code GET /servers[/detail]} (API-NOTES 3.7): every filter the request names, typed; which of
     * them the caller may use is policy, applied by the resource.
     */
    public ServerListRequest list(Map<String, List<String>> params, ApiVersion version, int maxLimit) {
        params.keySet().stream().filter(ServerListRequest::internal).findFirst()
                .ifPresent(name -> refuseIf(true, "Invalid filter field: " + name + "."));
        RequestFields q = new RequestFields(validator.query(ApiFamily.NOVA, "compute/servers/list-query", version,
                params));
        OffsetDateTime since = timestamp(q.text("changes-since"));
        OffsetDateTime before = timestamp(q.text("changes-before"));
        if (since != null && before != null && before.isBefore(since)) {
            throw InvalidInputException.query("changes-before", q.text("changes-before"),
                    "The value of changes-before must be later than or equal to changes-since.");
        }
        Map<String, Object> equal = new LinkedHashMap<>();
        EQUAL_FILTERS.stream().filter(q::has).forEach(name -> equal.put(name, switch (name) {
            case "image", "flavor" -> reference(q.text(name));
            case "power_state" -> Integer.parseInt(q.text(name));
            case "locked" -> q.bool(name, false);
            // a uuid that is not one matches nothing
            case "uuid" -> parsesAs(() -> ServerLookup.parse(q.text(name))) ? ServerLookup.parse(q.text(name))
                    : new UUID(0, 0);
            default -> q.text(name);
        }));
        Map<String, String> matching = new LinkedHashMap<>();
        List.of("name", "ip", "ip6").stream().filter(q::has).forEach(name -> matching.put(name, q.text(name)));
        String marker = q.text("marker");
        refuseIf(marker != null && !parsesAs(() -> UUID.fromString(marker)), "MarkerNotFound",
                "marker [" + marker + "] not found");
        ServerQuery query = new ServerQuery(null, q.has("deleted") && OsloBoolean.parse(q.text("deleted")).orElse(false),
                since, before, equal, matching, q.node().has("status") ? states(q.strings("status"), version) : null,
                sort(q.strings("sort_key"), q.strings("sort_dir"), version), marker == null ? null : UUID.fromString(marker),
                q.has("limit") ? new BigInteger(q.text("limit")).min(BigInteger.valueOf(maxLimit)).intValue() : maxLimit);
        // any value, or none at all, turns all_tenants on, except an explicit false
        boolean allTenants = q.node().has("all_tenants") && OsloBoolean.parse(q.text("all_tenants")).orElse(true);
        return new ServerListRequest(query, allTenants, q.has("project_id") ? q.text("project_id") : q.text("tenant_id"),
                q.node().has("deleted"), q.strings("sort_key").stream().anyMatch(k -> k.equals("host") || k.equals("node")));
    }

    private static String imageRef(RequestFields s) {
        String ref = s.has("imageRef") ? reference(s.text("imageRef")) : "";
        refuseIf(ref.isEmpty() && s.node().has("block_device_mapping_v2"),
                "Booting from a volume is not supported: Windlass has no block storage service; give an imageRef.");
        refuseIf(ref.isEmpty(), "Missing imageRef attribute");
        refuseIf(!parsesAs(() -> UUID.fromString(ref)), "Invalid imageRef provided.");
        return UUID.fromString(ref).toString();
    }

    /** A string or integer id, or a URL whose last path segment is the id. */
    private static String reference(String value) {
        String ref = value.strip();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Windlass has no network service: only "auto", "none" or no networks at all can be served. */
    private static String network(JsonNode networks) {
        for (JsonNode n : networks) {
            refuseIf(n.has("port") && n.has("fixed_ip"), "Specified Fixed IP '" + n.path("fixed_ip").asText()
                    + "' cannot be used with port '" + n.path("port").asText() + "': the two cannot be specified together.");
            refuseIf(n.hasNonNull("port"), "Port " + n.path("port").asText() + " could not be found.");
            refuseIf(!n.hasNonNull("uuid"), "Bad networks format: network uuid is not in proper format (None)");
            refuseIf(true, "Network " + n.get("uuid").asText() + " could not be found.");
        }
        return networks.isTextual() ? networks.textValue() : "auto";
    }

    private List<InjectedFile> personality(JsonNode files) {
        List<InjectedFile> out = new ArrayList<>();
        for (JsonNode file : files) {
            String path = file.get("path").asText();
            String contents = file.get("contents").asText();
            refuseOverLimit(path.length(), quotas.injectedFilePathLength(), "OnsetFilePathLimitExceeded",
                    "Personality file path exceeds maximum " + quotas.injectedFilePathLength());
            refuseOverLimit(Base64.getMimeDecoder().decode(contents).length, quotas.injectedFileContentBytes(),
                    "OnsetFileContentLimitExceeded",
                    "Personality file content exceeds maximum " + quotas.injectedFileContentBytes());
            out.add(new InjectedFile(path, contents));
        }
        refuseOverLimit(out.size(), quotas.injectedFiles(), "OnsetFileLimitExceeded", "Personality file limit exceeded");
        return out;
    }

    /** block_device_mapping_v2: only the image→local root disk Windlass boots from anyway. */
    private static void blockDevices(JsonNode mappings, String imageRef) {
        for (JsonNode bdm : mappings) {
            String source = bdm.path("source_type").asText();
            String destination = bdm.path("destination_type").asText("local");
            refuseIf(!source.equals("image") || !destination.equals("local"), "Block Device Mapping is Invalid: "
                    + source + " → " + destination + " needs volumes, which this deployment does not provide; "
                    + "only the image's local root disk is supported.");
            String uuid = bdm.path("uuid").asText(imageRef);
            refuseIf(!uuid.equals(imageRef), "Block Device Mapping is Invalid: the image mapping names image " + uuid
                    + " but imageRef is " + imageRef + ".");
        }
    }

    /** Nova's status names as state pairs; before 2.38 an unknown status matches nothing, from 2.38 it is a 400. */
    private static List<StatePair> states(List<String> statuses, ApiVersion version) {
        List<StatePair> pairs = new ArrayList<>();
        statuses.stream().flatMap(status -> List.of(status.split(",")).stream()).map(String::strip).forEach(one -> {
            var known = ServerStatusMapping.reverse(one);
            if (known.isEmpty() && version.isAtLeast(ComputeApiVersions.SERVER_STATUS_STRICT)) {
                throw InvalidInputException.query("status", one, "Invalid status value");
            }
            known.ifPresent(pairs::addAll);
        });
        return pairs;
    }

    /** The keys Nova ignores (the schema refuses them from 2.75) are left out, locked among them before 2.73. */
    private static List<SortKey> sort(List<String> keys, List<String> dirs, ApiVersion version) {
        List<SortKey> sort = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String dir = i < dirs.size() ? dirs.get(i) : (dirs.isEmpty() ? "desc" : dirs.getLast());
            if (ServerRepository.sortable(keys.get(i))
                    && (!keys.get(i).equals("locked") || version.isAtLeast(ComputeApiVersions.SERVER_LOCKED))) {
                sort.add(new SortKey(keys.get(i), dir.equals("desc")));
            }
        }
        return sort;
    }

    private static OffsetDateTime timestamp(String text) {
        return text == null ? null : OffsetDateTime.parse(text.matches(".*(Z|[+-]\\d\\d:\\d\\d)$") ? text : text + "Z");
    }

    private static boolean parsesAs(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void refuseIf(boolean refused, String message) {
        refuseIf(refused, "BadRequest", message);
    }

    private static void refuseIf(boolean refused, String error, String message) {
        if (refused) {
            throw new InvalidInputException(error, message);
        }
    }

    private static void refuseOverLimit(long count, long limit, String error, String message) {
        if (limit >= 0 && count > limit) {
            throw new ApiException(403, error, message);
        }
    }
}

package io.windlass.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.microversion.ApiVersion;
import io.windlass.api.validation.ApiFamily;
import io.windlass.api.validation.OsloBoolean;
import io.windlass.api.validation.RequestFields;
import io.windlass.api.validation.RequestValidator;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.port.workload.RequestedNetwork;
import io.windlass.server.InjectedFile;
import io.windlass.server.ServerAction;
import io.windlass.server.persistence.ServerQuery;
import io.windlass.server.persistence.ServerQuery.SortKey;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.service.EvacuationRequest;
import io.windlass.server.service.NovaConsole;
import io.windlass.server.service.RebuildRequest;
import io.windlass.server.service.ServerActionRequest;
import io.windlass.server.service.ServerCreateRequest;
import io.windlass.server.service.ServerLookup;
import io.windlass.server.service.ServerStatusMapping;
import io.windlass.server.service.ServerStatusMapping.StatePair;
import io.windlass.server.service.ServerUpdate;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Nova's server requests, read once their schemas ({@code schemas/compute/servers/}) accept them.
 * What the schemas cannot say is here: rules across fields and the image reference. The metadata
 * and personality limits are the project's quotas ({@code QuotaEnforcer.checkServerContents}).
 */
@ApplicationScoped
public class ServerRequests {
    /** Nova's tag filters (2.26), each a comma-separated list. */
    private static final List<String> TAG_FILTERS = List.of("tags", "tags-any", "not-tags", "not-tags-any");
    private static final List<String> EQUAL_FILTERS = List.of("image", "flavor", "reservation_id", "availability_zone",
            "key_name", "vm_state", "task_state", "user_id", "hostname", "host", "node", "power_state", "uuid", "locked");

    private static final String EVACUATE = "evacuate";

    private final RequestValidator validator;

    public ServerRequests(RequestValidator validator) {
        this.validator = validator;
    }

    public ServerCreateRequest create(JsonNode body, ApiVersion version) {
        RequestFields root = validator.body(ApiFamily.NOVA, "compute/servers/create", version, body);
        RequestFields s = root.object("server");
        String imageRef = imageRef(s);
        int minCount = Integer.parseInt(s.text("min_count"));
        int maxCount = s.has("max_count") ? Integer.parseInt(s.text("max_count")) : minCount;
        refuseIf(minCount > maxCount, "min_count must be <= max_count");
        // zone:host[:node] is the admin's forced-host form
        String[] zone = s.has("availability_zone") ? s.text("availability_zone").split(":", -1) : new String[] {null};
        String forcedHost = s.has("host") ? s.text("host") : zone.length > 1 && !zone[1].isEmpty() ? zone[1] : null;
        refuseIf(s.has("hypervisor_hostname") && forcedHost != null && !forcedHost.equals(s.text("hypervisor_hostname")),
                "host and hypervisor_hostname name different hosts; a Windlass compute host is its own hypervisor.");
        refuseIf(s.has("hostname") && maxCount > 1, "Cannot request a hostname with more than one server (max_count > 1).");
        s.items("block_device_mapping_v2").map(bdm -> bdm.get("uuid").asText(imageRef)).filter(id -> !id.equals(imageRef))
                .findFirst().ifPresent(id -> refuseIf(true, "Block Device Mapping is Invalid: the image mapping names image "
                        + id + " but imageRef is " + imageRef + "."));
        return s.as(ServerCreateRequest.class, "flavorRef", reference(s.text("flavorRef")), "imageRef", imageRef,
                "files", s.items("personality").map(file -> file.as(InjectedFile.class)).toList(), "minCount", minCount, "maxCount", maxCount,
                "availabilityZone", zone[0] == null || zone[0].isEmpty() ? null : zone[0],
                "forcedHost", s.has("hypervisor_hostname") ? s.text("hypervisor_hostname") : forcedHost,
                "hostNamed", s.has("host") || s.has("hypervisor_hostname"),
                "securityGroups", s.items("security_groups").map(g -> g.text("name")).distinct().toList(),
                "network", s.get("networks").isTextual() ? s.text("networks") : null,
                "nets", networks(s, version, maxCount),
                "schedulerHints", root.read(root.has("os:scheduler_hints") ? "os:scheduler_hints"
                        : "OS-SCH-HNT:scheduler_hints", new TypeReference<Map<String, List<String>>>() { }));
    }

    public ServerUpdate update(JsonNode body, ApiVersion version) {
        RequestFields s = validator.body(ApiFamily.NOVA, "compute/servers/update", version, body).object("server");
        JsonNode given = s.node();
        return new ServerUpdate(s.text("name"), given.has("description"), s.text("description"),
                given.has("accessIPv4"), s.text("accessIPv4"), given.has("accessIPv6"), s.text("accessIPv6"),
                given.has("OS-DCF:diskConfig") ? Objects.requireNonNullElse(s.text("OS-DCF:diskConfig"), "MANUAL")
                        : null, s.text("hostname"));
    }

    /** The action a body names (the schema admits one key: a {@link ServerAction}'s, or evacuate's). */
    public ServerActionRequest action(JsonNode body, ApiVersion version) {
        RequestFields action = validator.body(ApiFamily.NOVA, "compute/servers/action", version, body);
        String name = action.node().fieldNames().next();
        if (name.equals(EVACUATE)) {
            boolean sharedStorageAsked = !version.isAtLeast(ComputeApiVersions.EVACUATE_WITHOUT_SHARED_STORAGE);
            RequestFields evacuate = action.object(EVACUATE);
            return evacuate.as(EvacuationRequest.class,
                    "onSharedStorage", sharedStorageAsked && evacuate.bool("onSharedStorage", false),
                    "answersPassword", sharedStorageAsked,
                    "stopped", version.isAtLeast(ComputeApiVersions.EVACUATE_TO_STOPPED));
        }
        if (name.equals("rebuild")) {
            return rebuild(action.object("rebuild"));
        }
        return switch (name) {
            // Nova reads a reason from 2.73 only; before, any lock body locks without one
            case "lock" -> new ServerActionRequest.Lock(version.isAtLeast(ComputeApiVersions.SERVER_LOCKED)
                    ? action.object(name).text("locked_reason") : null);
            case "resize" -> new ServerActionRequest.Resize(reference(action.object("resize").text("flavorRef")),
                    action.object("resize").text("OS-DCF:diskConfig"));
            case "confirmResize" -> new ServerActionRequest.ConfirmResize();
            // Nova reads a host from 2.56 only; before, the body is not read
            case "migrate" -> new ServerActionRequest.Migrate(version.isAtLeast(ComputeApiVersions.MIGRATE_TO_HOST)
                    && action.get(name).isObject() ? action.object(name).text("host") : null);
            case "forceDelete", "restore" -> new ServerActionRequest.DeferredDelete(name);
            case "addSecurityGroup", "removeSecurityGroup" -> new ServerActionRequest.SecurityGroup(
                    name.equals("addSecurityGroup"), action.object(name).text("name").strip());
            case "revertResize" -> new ServerActionRequest.RevertResize();
            case "unlock" -> new ServerActionRequest.Unlock();
            case "os-resetState" -> new ServerActionRequest.ResetState(action.object(name).text("state"));
            case "shelve", "shelveOffload" -> new ServerActionRequest.Shelve(name.equals("shelveOffload"));
            case "unshelve" -> unshelve(action.object(name), version);
            case "rescue" -> new ServerActionRequest.Rescue(action.object(name).text("adminPass"),
                    action.object(name).text("rescue_image_ref"));
            case "unrescue" -> new ServerActionRequest.Unrescue();
            case "createImage" -> createImage(action.object(name), null, null, version);
            case "createBackup" -> createImage(action.object(name), action.object(name).text("backup_type"),
                    Integer.parseInt(action.object(name).text("rotation").strip()), version);
            case "changePassword" -> new ServerActionRequest.ChangePassword(action.object(name).text("adminPass"));
            case "os-getConsoleOutput" -> new ServerActionRequest.ConsoleOutput(
                    NovaConsole.length(action.object(name).text("length")));
            default -> new ServerActionRequest.Power(ServerAction.requested(name, action.get(name).path("type")
                    .asText()));
        };
    }

    /** Before 2.77 the body of unshelve is not read (Nova has no schema for it). */
    private static ServerActionRequest.Unshelve unshelve(RequestFields body, ApiVersion version) {
        if (!version.isAtLeast(ComputeApiVersions.UNSHELVE_TO_ZONE)) {
            return new ServerActionRequest.Unshelve(false, null, null);
        }
        return new ServerActionRequest.Unshelve(body.node().has("availability_zone"), body.text("availability_zone"),
                body.text("host"));
    }

    /** What the rebuild names, and nothing it leaves out (the schema has kept each field to its microversions). */
    private static RebuildRequest rebuild(RequestFields r) {
        return new RebuildRequest(UUID.fromString(r.text("imageRef")).toString(),
                r.has("name") ? r.text("name").strip() : null, r.text("adminPass"),
                r.has("metadata") ? r.read("metadata", new TypeReference<Map<String, String>>() { }) : null,
                r.text("OS-DCF:diskConfig"), given(r, "accessIPv4"), given(r, "accessIPv6"),
                r.has("personality") ? r.items("personality").map(f -> f.as(InjectedFile.class)).toList() : null,
                given(r, "description"), given(r, "key_name"), given(r, "user_data"), r.text("hostname"));
    }

    /** Nova's {@code common.normalize_name}: the name without surrounding spaces. */
    private static ServerActionRequest.CreateImage createImage(RequestFields r, String backupType, Integer rotation,
                                                               ApiVersion version) {
        return new ServerActionRequest.CreateImage(r.text("name").strip(), r.has("metadata")
                ? r.read("metadata", new TypeReference<Map<String, String>>() { }) : Map.of(), backupType, rotation,
                !version.isAtLeast(ComputeApiVersions.LIMITS_WITHOUT_IMAGE_META));
    }

    private static RebuildRequest.Given<String> given(RequestFields r, String field) {
        return r.has(field) ? new RebuildRequest.Given<>(r.get(field).isNull() ? null : r.text(field)) : null;
    }

    /**
     * {@code GET /servers[/detail]} (API-NOTES 3.7): every filter the request names, typed; which of
     * them the caller may use is policy, applied by the resource.
     */
    public ListRequest list(Map<String, List<String>> params, ApiVersion version, int maxLimit) {
        RequestFields q = validator.query(ApiFamily.NOVA, "compute/servers/list-query", version, params);
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
        refuseIf(marker != null && !parsesAs(() -> UUID.fromString(marker)), "marker [" + marker + "] not found");
        Map<String, List<String>> tags = new LinkedHashMap<>();
        // from 2.26, comma-separated, as python-novaclient and Tempest send them (Nova ignores them before)
        TAG_FILTERS.stream().filter(q::has).filter(name -> version.isAtLeast(ComputeApiVersions.SERVER_TAGS))
                .forEach(name -> tags.put(name,
                List.of(q.text(name).split(",")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
        ServerQuery query = new ServerQuery(null, q.has("deleted") && OsloBoolean.parse(q.text("deleted")).orElse(false),
                since, before, equal, matching, q.node().has("status") ? states(q.strings("status"), version) : null,
                tags,
                sort(q.strings("sort_key"), q.strings("sort_dir"), version), marker == null ? null : UUID.fromString(marker),
                q.limit(maxLimit));
        // any value, or none at all, turns all_tenants on, except an explicit false
        boolean allTenants = q.node().has("all_tenants") && OsloBoolean.parse(q.text("all_tenants")).orElse(true);
        return new ListRequest(query, allTenants, q.has("project_id") ? q.text("project_id") : q.text("tenant_id"),
                q.node().has("deleted"), q.strings("sort_key").stream().anyMatch(k -> k.equals("host") || k.equals("node")));
    }

    /**
     * A validated {@code GET /servers[/detail]} before policy: the listing it asks for, and what of
     * it needs which rule ({@code ServersResource} applies them).
     *
     * @param query         every filter the request names, for the caller's own project
     * @param project       project_id/tenant_id given with all_tenants, or null
     * @param deletedFilter deleted given
     */
    public record ListRequest(ServerQuery query, boolean allTenants, String project, boolean deletedFilter,
                              boolean sortsByHost) {
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

    /** Nova's ISO 8601 times, a zone-less one read as UTC (changes-since, changes-before). */
    public static OffsetDateTime timestamp(String text) {
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

    /**
     * Nova's {@code networks} list (2.1-2.36 and 2.37+), with the rules its schema cannot say
     * ({@code servers.py: _get_requested_networks}).
     */
    private static List<RequestedNetwork> networks(RequestFields s, ApiVersion version, int maxCount) {
        boolean tags = version.isAtLeast(ComputeApiVersions.NIC_TAGS)
                && (!version.isAtLeast(ComputeApiVersions.NIC_TAGS_DROPPED) || version.isAtLeast(ComputeApiVersions.NIC_TAGS_BACK));
        Set<String> ports = new HashSet<>();
        // "auto" and "none" (2.37) are no list: no items
        return s.items("networks").map(n -> {
            if (n.has("tag") && !tags) {
                throw InvalidInputException.field("networks", "tag",
                        "Additional properties are not allowed ('tag' was unexpected)");
            }
            if (!n.has("port")) {
                if (n.has("fixed_ip") && maxCount > 1) {
                    throw new InvalidInputException("InvalidFixedIpAndMaxCountRequest",
                            "max_count cannot be greater than 1 if an fixed_ip is specified.");
                }
                return new RequestedNetwork(n.text("uuid"), null, n.text("fixed_ip"), n.text("tag"));
            }
            refuseIf(!ports.add(n.text("port")), "Port ID '" + n.text("port") + "' was specified twice: you cannot "
                    + "attach a port multiple times.");
            if (maxCount > 1) {
                throw new InvalidInputException("MultiplePortsNotApplicable", "Unable to launch multiple instances "
                        + "with a single configured port ID. Please launch your instance one by one with different "
                        + "ports.");
            }
            return new RequestedNetwork(null, n.text("port"), null, n.text("tag"));
        }).toList();
    }

    private static void refuseIf(boolean refused, String message) {
        if (refused) {
            throw InvalidInputException.badRequest(message);
        }
    }
}

package io.windlass.server.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.compute.api.ComputeLinks;
import io.windlass.context.RequestContext;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.server.ServerAddress;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import io.windlass.server.service.ServerStatusMapping;
import io.windlass.servergroup.persistence.ServerGroupRepository;
import jakarta.enterprise.context.RequestScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Nova's server representations ({@code nova/api/openstack/compute/views/servers.py}) at the
 * request's microversion: the summary of {@code GET /servers}, the full one of show, detail
 * and (from 2.75) update, the reduced one of update before 2.75, and the 202 body of create.
 */
@RequestScoped
public class ServerViews {
    private static final DateTimeFormatter ISO_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> PROGRESS_STATUSES = Set.of("ACTIVE", "BUILD", "REBUILD", "RESIZE",
            "VERIFY_RESIZE", "MIGRATING");

    static final ApiVersion EXTENDED_ATTRIBUTES_MORE = ApiVersion.of(2, 3);
    static final ApiVersion LOCKED = ApiVersion.of(2, 9);
    static final ApiVersion HOST_STATUS = ApiVersion.of(2, 16);
    static final ApiVersion TAGS = ComputeApiVersions.SERVER_TAGS;
    static final ApiVersion FLAVOR_EMBEDDED = ApiVersion.of(2, 47);
    static final ApiVersion SERVER_GROUPS = ComputeApiVersions.SERVER_GROUPS_IN_SERVER;
    static final ApiVersion CONSISTENT_UPDATE = ApiVersion.of(2, 75);
    /** Rebuild takes and shows a key pair ({@code key_name}). */
    static final ApiVersion REBUILD_KEY_NAME = ApiVersion.of(2, 54);
    /** Rebuild takes and shows user data (personality goes). */
    static final ApiVersion REBUILD_USER_DATA = ApiVersion.of(2, 57);

    private final ComputeLinks links;
    private final ServerPolicy policy;
    private final ComputeHostRepository hosts;
    private final ServiceLivenessConfig liveness;
    private final ServerGroupRepository serverGroups;
    private Map<String, ComputeHostRecord> hostsByName;
    /** Policy answers of this request by rule and project: a page of 100 servers asks the same few questions. */
    private final Map<String, Boolean> allowed = new java.util.HashMap<>();

    public ServerViews(ComputeLinks links, ServerPolicy policy, ComputeHostRepository hosts,
                       ServiceLivenessConfig liveness, ServerGroupRepository serverGroups) {
        this.links = links;
        this.serverGroups = serverGroups;
        this.policy = policy;
        this.hosts = hosts;
        this.liveness = liveness;
    }

    /** {@code {"id", "name", "links"}}. */
    public Map<String, Object> summary(ServerEntity s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.uuid.toString());
        v.put("name", s.name);
        v.put("links", links.links("servers", s.uuid.toString()));
        return v;
    }

    /** The 202 body of create. */
    public Map<String, Object> created(ServerEntity s, String adminPass) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.uuid.toString());
        v.put("links", links.links("servers", s.uuid.toString()));
        v.put("OS-DCF:diskConfig", s.diskConfig);
        v.put("security_groups", securityGroups(s));
        v.put("adminPass", adminPass);
        return v;
    }

    /** Update's answer: below 2.75 a reduced set, from 2.75 the full representation. */
    public Map<String, Object> updated(ServerEntity s, RequestContext caller, ApiVersion version) {
        if (version.isAtLeast(CONSISTENT_UPDATE)) {
            return full(s, caller, version, true);
        }
        Map<String, Object> v = core(s, caller, version);
        // Nova extends the addresses (OS-EXT-IPS) in update's and rebuild's answers from 2.75 only
        v.put("addresses", basicAddresses(s));
        versioned(v, s, caller, version, true, false);
        return v;
    }

    /**
     * Rebuild's answer ({@code servers.py _rebuild}): update's, with the key name from 2.54, the user
     * data from 2.57 and the password (Nova's {@code enable_instance_password}, on by default).
     */
    public Map<String, Object> rebuilt(ServerEntity s, RequestContext caller, ApiVersion version, String adminPass) {
        Map<String, Object> v = updated(s, caller, version);
        if (version.isAtLeast(REBUILD_KEY_NAME)) {
            v.put("key_name", s.keyName);
        }
        if (version.isAtLeast(REBUILD_USER_DATA)) {
            v.put("user_data", s.userData);
        }
        // from 2.75 rebuild shows what show shows, but the user data once: as user_data (2.57), never
        // as OS-EXT-SRV-ATTR:user_data (Nova's view builder, show_user_data=False for rebuild)
        v.remove("OS-EXT-SRV-ATTR:user_data");
        v.put("adminPass", adminPass);
        return v;
    }

    /**
     * Show and detail.
     *
     * @param single show (and update) add {@code server_groups} from 2.71; the detail list does not
     */
    public Map<String, Object> full(ServerEntity s, RequestContext caller, ApiVersion version, boolean single) {
        Map<String, Object> v = core(s, caller, version);
        String status = (String) v.get("status");
        if (PROGRESS_STATUSES.contains(status)) {
            v.put("progress", s.progress);
        }
        v.put("OS-EXT-AZ:availability_zone", s.availabilityZone == null ? "" : s.availabilityZone);
        v.put("config_drive", s.configDrive ? "True" : "");
        v.put("key_name", s.keyName);
        v.put("OS-SRV-USG:launched_at", s.launchedAt == null ? null : ISO_MICROS.format(s.launchedAt));
        v.put("OS-SRV-USG:terminated_at", s.terminatedAt == null ? null : ISO_MICROS.format(s.terminatedAt));
        // Nova shows the key only when the server is in some group (all of them removed: no key)
        if (!s.securityGroups.isEmpty()) {
            v.put("security_groups", securityGroups(s));
        }
        v.put("OS-EXT-STS:task_state", s.taskState);
        v.put("OS-EXT-STS:vm_state", s.vmState);
        v.put("OS-EXT-STS:power_state", s.powerState);
        v.put("os-extended-volumes:volumes_attached", List.of());
        if (s.fault != null && (status.equals("ERROR") || status.equals("DELETED"))) {
            v.put("fault", fault(s, caller));
        }
        boolean extended = allows(ServerPolicy.EXTENDED_ATTRIBUTES, caller, s.projectId);
        if (extended) {
            v.put("OS-EXT-SRV-ATTR:host", s.host);
            v.put("OS-EXT-SRV-ATTR:instance_name", String.format("instance-%08x", s.id));
            v.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host);
            if (version.isAtLeast(EXTENDED_ATTRIBUTES_MORE)) {
                v.put("OS-EXT-SRV-ATTR:hostname", s.hostname);
                v.put("OS-EXT-SRV-ATTR:kernel_id", "");
                v.put("OS-EXT-SRV-ATTR:launch_index", s.launchIndex);
                v.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                v.put("OS-EXT-SRV-ATTR:reservation_id", s.reservationId);
                v.put("OS-EXT-SRV-ATTR:root_device_name", null);
                v.put("OS-EXT-SRV-ATTR:user_data", s.userData);
            }
        } else if (version.isAtLeast(ComputeApiVersions.SERVER_HOSTNAME)) {
            v.put("OS-EXT-SRV-ATTR:hostname", s.hostname);
        }
        versioned(v, s, caller, version, single, true);
        // Nova reads both from the server's request spec: what was asked, not where it landed
        if (version.isAtLeast(ComputeApiVersions.PINNED_ZONE)) {
            v.put("pinned_availability_zone", s.requestedZone);
        }
        if (version.isAtLeast(ComputeApiVersions.SERVER_SCHEDULER_HINTS)) {
            v.put("scheduler_hints", new TreeMap<>(s.schedulerHints));
        }
        return v;
    }

    /** What every server representation starts with (Nova's reduced update view is just this plus {@link #versioned}). */
    private Map<String, Object> core(ServerEntity s, RequestContext caller, ApiVersion version) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.uuid.toString());
        v.put("name", s.name);
        v.put("status", ServerStatusMapping.status(s.vmState, s.taskState));
        v.put("tenant_id", s.projectId);
        v.put("user_id", s.userId);
        v.put("metadata", new TreeMap<>(s.metadata));
        v.put("hostId", hostId(s));
        v.put("image", image(s, version));
        v.put("flavor", flavor(s, caller, version));
        v.put("created", ISO_Z.format(s.createdAt));
        v.put("updated", ISO_Z.format(updated(s)));
        v.put("addresses", addresses(s));
        v.put("accessIPv4", s.accessIpV4 == null ? "" : s.accessIpV4);
        v.put("accessIPv6", s.accessIpV6 == null ? "" : s.accessIpV6);
        v.put("links", links.links("servers", s.uuid.toString()));
        v.put("OS-DCF:diskConfig", s.diskConfig);
        return v;
    }

    /** Members added by later microversions, in Nova's order. */
    private void versioned(Map<String, Object> v, ServerEntity s, RequestContext caller, ApiVersion version,
                           boolean single, boolean withHostStatus) {
        if (version.isAtLeast(LOCKED)) {
            v.put("locked", s.locked);
        }
        if (withHostStatus && version.isAtLeast(HOST_STATUS)
                && allows(ServerPolicy.SHOW_HOST_STATUS, caller, s.projectId)) {
            v.put("host_status", hostStatus(s, single));
        }
        if (version.isAtLeast(ComputeApiVersions.SERVER_DESCRIPTION)) {
            v.put("description", s.description);
        }
        if (version.isAtLeast(TAGS)) {
            v.put("tags", s.tags);
        }
        if (version.isAtLeast(ComputeApiVersions.TRUSTED_CERTS)) {
            v.put("trusted_image_certificates", null);
        }
        if (single && version.isAtLeast(SERVER_GROUPS)) {
            // a server is in at most one group (its boot's "group" hint)
            v.put("server_groups", serverGroups.groupOf(s.uuid).map(List::of).orElse(List.of()));
        }
        if (version.isAtLeast(ComputeApiVersions.SERVER_LOCKED)) {
            v.put("locked_reason", s.lockedReason);
        }
    }

    private boolean allows(String rule, RequestContext caller, String project) {
        return allowed.computeIfAbsent(rule + "|" + project, k -> policy.allows(rule, caller, project));
    }

    private Map<String, Object> image(ServerEntity s, ApiVersion version) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("id", s.imageRef);
        image.put("links", links.bookmarkOnly("images", s.imageRef));
        if (version.isAtLeast(ComputeApiVersions.SERVER_IMAGE_PROPERTIES)) {
            image.put("properties", new TreeMap<>(s.imageProperties));
        }
        return image;
    }

    private Map<String, Object> flavor(ServerEntity s, RequestContext caller, ApiVersion version) {
        Map<String, Object> flavor = new LinkedHashMap<>();
        if (!version.isAtLeast(FLAVOR_EMBEDDED)) {
            flavor.put("id", s.flavorId);
            flavor.put("links", links.bookmarkOnly("flavors", s.flavorId));
            return flavor;
        }
        flavor.put("vcpus", s.vcpus);
        flavor.put("ram", s.memoryMb);
        flavor.put("disk", s.rootGb);
        flavor.put("ephemeral", s.ephemeralGb);
        flavor.put("swap", s.swap);
        flavor.put("original_name", s.flavorName);
        if (allows(ServerPolicy.SHOW_FLAVOR_EXTRA_SPECS, caller, s.projectId)) {
            flavor.put("extra_specs", new TreeMap<>(s.flavorExtraSpecs));
        }
        return flavor;
    }

    private static Map<String, Object> addresses(ServerEntity s) {
        Map<String, Object> addresses = new TreeMap<>();
        s.addresses.forEach((network, list) -> {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (ServerAddress a : list) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("version", a.version());
                e.put("addr", a.addr());
                e.put("OS-EXT-IPS:type", "fixed");
                e.put("OS-EXT-IPS-MAC:mac_addr", a.macAddr());
                entries.add(e);
            }
            addresses.put(network, entries);
        });
        return addresses;
    }

    private static Map<String, Object> basicAddresses(ServerEntity s) {
        Map<String, Object> addresses = new TreeMap<>();
        s.addresses.forEach((network, list) -> addresses.put(network, list.stream()
                .map(a -> Map.<String, Object>of("version", a.version(), "addr", a.addr())).toList()));
        return addresses;
    }

    private static List<Map<String, String>> securityGroups(ServerEntity s) {
        return s.securityGroups.stream().map(name -> Map.of("name", name)).toList();
    }

    private Map<String, Object> fault(ServerEntity s, RequestContext caller) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", s.fault.getOrDefault("code", 500));
        fault.put("created", s.fault.get("created"));
        fault.put("message", s.fault.get("message"));
        // details (the trace, in Nova) are for admins only
        if (caller.isAdmin() && s.fault.get("details") != null) {
            fault.put("details", s.fault.get("details"));
        }
        return fault;
    }

    /** @param single one server shown: its host is read alone, where a list reads every host once */
    private String hostStatus(ServerEntity s, boolean single) {
        if (s.host == null) {
            return "";
        }
        if (hostsByName == null && !single) {
            hostsByName = hosts.list().stream().collect(Collectors.toMap(ComputeHostRecord::host, Function.identity()));
        }
        ComputeHostRecord host = hostsByName != null ? hostsByName.get(s.host) : hosts.find(s.host).orElse(null);
        if (host == null) {
            return "UNKNOWN";
        }
        if (host.secondsSilent() > liveness.serviceDownTime().toSeconds()) {
            return "DOWN";
        }
        return host.disabled() ? "MAINTENANCE" : "UP";
    }

    /** {@code sha224(project_id + host)}, empty without a host: lets a project see co-location without naming hosts. */
    private static String hostId(ServerEntity s) {
        return hostId(s.projectId, s.host);
    }

    /** Nova's {@code utils.generate_hostid}: also what an instance action event shows of its host (2.62). */
    static String hostId(String projectId, String host) {
        if (host == null) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha.digest((projectId + host).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-224 is part of every Java runtime", e);
        }
    }

    private static Instant updated(ServerEntity s) {
        return s.updatedAt != null ? s.updatedAt : s.createdAt;
    }
}

package io.windlass.compute.api;

import io.windlass.api.microversion.ApiVersion;

/** The microversion range of the Nova compute API this service speaks. */
public final class ComputeApiVersions {
    /** Service word in {@code OpenStack-API-Version: compute 2.N}. */
    public static final String SERVICE = "compute";
    public static final ApiVersion MIN = ApiVersion.of(2, 1);
    /**
     * Nova 2025.1/2025.2's maximum (clients negotiate down to theirs, CLIENTS.md). 2.97 (Manila shares)
     * and 2.99 (spice-direct consoles) change APIs Windlass does not serve; nothing newer is implemented.
     */
    public static final ApiVersion MAX = ApiVersion.of(2, 100);

    /** {@code description} on servers (requests and views). */
    public static final ApiVersion SERVER_DESCRIPTION = ApiVersion.of(2, 19);
    /** {@code trusted_image_certificates} on servers (requests and views). */
    public static final ApiVersion TRUSTED_CERTS = ApiVersion.of(2, 63);
    /** {@code locked} as a server list filter and sort key, {@code locked_reason} in views. */
    public static final ApiVersion SERVER_LOCKED = ApiVersion.of(2, 73);
    /** Server tags: the {@code tags} sub-resource, the view's {@code tags} and the tag list filters. */
    public static final ApiVersion SERVER_TAGS = ApiVersion.of(2, 26);
    /** {@code tags} in a server create. */
    public static final ApiVersion SERVER_CREATE_TAGS = ApiVersion.of(2, 52);
    /** {@code hostname} in server create and update, and in every server view. */
    public static final ApiVersion SERVER_HOSTNAME = ApiVersion.of(2, 90);
    /** An unknown status in a server list filter is a 400 (it matched nothing before). */
    public static final ApiVersion SERVER_STATUS_STRICT = ApiVersion.of(2, 38);
    /** More server list filters for non-admins (availability_zone, key_name, vm_state ...). */
    public static final ApiVersion SERVER_FILTERS = ApiVersion.of(2, 83);
    /** Evacuate without {@code onSharedStorage}, and without the {@code adminPass} response body. */
    public static final ApiVersion EVACUATE_WITHOUT_SHARED_STORAGE = ApiVersion.of(2, 14);
    /** An evacuated server ends stopped (unless it was in error). */
    public static final ApiVersion EVACUATE_TO_STOPPED = ApiVersion.of(2, 95);
    /** {@code pinned_availability_zone} (the zone asked for at boot or by an unshelve) in server views. */
    public static final ApiVersion PINNED_ZONE = ApiVersion.of(2, 96);
    /** The standard properties of the server's image, as they were at boot or rebuild, in its {@code image}. */
    public static final ApiVersion SERVER_IMAGE_PROPERTIES = ApiVersion.of(2, 98);
    /** The {@code scheduler_hints} a server was created with, in server views. */
    public static final ApiVersion SERVER_SCHEDULER_HINTS = ApiVersion.of(2, 100);
    /** {@code unshelve} takes {@code availability_zone} (2.91: also {@code host}, and a null zone). */
    public static final ApiVersion UNSHELVE_TO_ZONE = ApiVersion.of(2, 77);
    /** {@code migrate} names the host to move to (admins). */
    public static final ApiVersion MIGRATE_TO_HOST = ApiVersion.of(2, 56);
    /** Server diagnostics in Nova's standard format (before, each driver's own free-form figures). */
    public static final ApiVersion STANDARD_DIAGNOSTICS = ApiVersion.of(2, 48);
    /** {@code uuid} in aggregate views. */
    public static final ApiVersion AGGREGATE_UUID = ApiVersion.of(2, 41);
    /** Service ids become uuids and {@code PUT /os-services/{id}} replaces the action URLs. */
    public static final ApiVersion SERVICE_UUIDS = ApiVersion.of(2, 53);
    /** {@code forced_down} in service views. */
    public static final ApiVersion SERVICE_FORCED_DOWN = ApiVersion.of(2, 11);
    /** {@code POST /os-aggregates/{id}/images}. */
    public static final ApiVersion IMAGE_PRECACHE = ApiVersion.of(2, 81);

    /** {@code networks[].tag} came in 2.32, left with 2.37's {@code networks} rework and came back in 2.42. */
    public static final ApiVersion NIC_TAGS = ApiVersion.of(2, 32);
    public static final ApiVersion NIC_TAGS_DROPPED = ApiVersion.of(2, 37);
    public static final ApiVersion NIC_TAGS_BACK = ApiVersion.of(2, 42);
    /** The proxy APIs to the network service ({@code /os-networks}) answer 404. */
    public static final ApiVersion NETWORK_PROXY_REMOVED = ApiVersion.of(2, 36);
    /** So do the security group proxies ({@code /os-security-groups}, {@code /os-security-group-rules}). */
    public static final ApiVersion SECURITY_GROUP_PROXY_REMOVED = ApiVersion.of(2, 36);
    /** {@code /os-hosts} answers 404: os-services, os-hypervisors and os-aggregates serve what it did. */
    public static final ApiVersion HOSTS_REMOVED = ApiVersion.of(2, 43);
    /** The image proxy ({@code /images}) answers 404, as the network one. */
    public static final ApiVersion IMAGE_PROXY_REMOVED = ApiVersion.of(2, 36);
    /** Limits leave out the nova-network quotas (floating ips, security groups and their rules). */
    public static final ApiVersion LIMITS_WITHOUT_NETWORK = ApiVersion.of(2, 36);
    /** createImage and createBackup answer {@code {"image_id": ...}} instead of a Location header. */
    public static final ApiVersion SNAPSHOT_IMAGE_ID = ApiVersion.of(2, 45);
    /**
     * Limits leave out {@code maxImageMeta}, and createImage and createBackup no longer count their metadata
     * against {@code metadata_items} (the image proxy API is gone).
     */
    public static final ApiVersion LIMITS_WITHOUT_IMAGE_META = ApiVersion.of(2, 39);
    /** {@code description} on flavors; {@code PUT /flavors/{id}}. */
    public static final ApiVersion FLAVOR_DESCRIPTION = ApiVersion.of(2, 55);
    /** Limits leave out the personality quotas (personality files are gone). */
    public static final ApiVersion LIMITS_WITHOUT_PERSONALITY = ApiVersion.of(2, 57);
    /** {@code extra_specs} embedded in flavor views (when policy allows reading them). */
    public static final ApiVersion FLAVOR_EXTRA_SPECS = ApiVersion.of(2, 61);
    /** Consistent responses: flavor {@code swap} is 0 rather than "" when there is none. */
    public static final ApiVersion CONSISTENT_RESPONSES = ApiVersion.of(2, 75);
    /** A deleted server's instance actions are shown. */
    public static final ApiVersion ACTIONS_OF_DELETED = ApiVersion.of(2, 21);
    /** Instance action events are shown to the server's project too (without tracebacks). */
    public static final ApiVersion ACTION_EVENTS_FOR_PROJECT = ApiVersion.of(2, 51);
    /** Instance actions are paged and filtered ({@code limit}, {@code marker}, {@code changes-since}); {@code updated_at}. */
    public static final ApiVersion ACTIONS_PAGING = ApiVersion.of(2, 58);
    /** Instance action events show {@code hostId} (and {@code host} to admins). */
    public static final ApiVersion ACTION_EVENT_HOST = ApiVersion.of(2, 62);
    /** Instance action events show {@code details} to admins. */
    public static final ApiVersion ACTION_EVENT_DETAILS = ApiVersion.of(2, 84);
    /** Key pairs have a type (ssh, x509); create answers 201 and delete 204. */
    public static final ApiVersion KEYPAIR_TYPE = ApiVersion.of(2, 2);
    /** An admin names the key pair's user ({@code user_id}). */
    public static final ApiVersion KEYPAIR_USER = ApiVersion.of(2, 10);
    /** Key pairs are paged ({@code limit}, {@code marker}, {@code keypairs_links}). */
    public static final ApiVersion KEYPAIR_PAGING = ApiVersion.of(2, 35);
    /** Key pairs are imported only: {@code public_key} is required, nothing is generated. */
    public static final ApiVersion KEYPAIR_IMPORT_ONLY = ApiVersion.of(2, 92);
    /** Server groups show their {@code project_id} and {@code user_id}. */
    public static final ApiVersion SERVER_GROUP_OWNER = ApiVersion.of(2, 13);
    /** Server groups may be {@code soft-affinity} or {@code soft-anti-affinity}. */
    public static final ApiVersion SERVER_GROUP_SOFT_POLICIES = ApiVersion.of(2, 15);
    /** Server groups have one {@code policy} and {@code rules} instead of {@code policies} and {@code metadata}. */
    public static final ApiVersion SERVER_GROUP_POLICY = ApiVersion.of(2, 64);
    /** A server's view shows its {@code server_groups} (show, update). */
    public static final ApiVersion SERVER_GROUPS_IN_SERVER = ApiVersion.of(2, 71);

    /** Hypervisor {@code cpu_info} is an object rather than its JSON text. */
    public static final ApiVersion HYPERVISOR_CPU_INFO_OBJECT = ApiVersion.of(2, 28);
    /** Hypervisors are paged ({@code limit}, {@code marker}, {@code hypervisors_links}). */
    public static final ApiVersion HYPERVISOR_PAGING = ApiVersion.of(2, 33);
    /**
     * Hypervisor and service ids become uuids; {@code hypervisor_hostname_pattern} and
     * {@code with_servers} replace the {@code /search} and {@code /servers} routes.
     */
    public static final ApiVersion HYPERVISOR_UUIDS = ApiVersion.of(2, 53);
    /**
     * Hypervisor views lose the inventory fields (vcpus, memory, disk, cpu_info ...) and gain
     * {@code uptime}; the {@code /uptime} and {@code /statistics} routes are gone.
     */
    public static final ApiVersion HYPERVISOR_WITHOUT_INVENTORY = ApiVersion.of(2, 88);
    /** Simple tenant usage is paged ({@code limit}, {@code marker}, {@code tenant_usages_links}). */
    public static final ApiVersion USAGE_PAGING = ApiVersion.of(2, 40);
    /**
     * Quota class sets show {@code server_groups} and {@code server_group_members} and no longer
     * the nova-network quotas.
     */
    public static final ApiVersion QUOTA_CLASS_SERVER_GROUPS = ApiVersion.of(2, 50);

    /** Migrations show {@code migration_type} (and an in-progress live migration its links); a server's migrations. */
    public static final ApiVersion MIGRATION_TYPE = ApiVersion.of(2, 23);
    /** {@code force_complete} of a server's live migration. */
    public static final ApiVersion MIGRATION_FORCE_COMPLETE = ApiVersion.of(2, 22);
    /** {@code DELETE /servers/{id}/migrations/{mid}}: abort a live migration. */
    public static final ApiVersion MIGRATION_ABORT = ApiVersion.of(2, 24);
    /** Migrations are paged ({@code limit}, {@code marker}, {@code migrations_links}), show {@code uuid}, take {@code changes-since}. */
    public static final ApiVersion MIGRATION_PAGING = ApiVersion.of(2, 59);
    /** Migrations take {@code changes-before}. */
    public static final ApiVersion MIGRATION_CHANGES_BEFORE = ApiVersion.of(2, 66);
    /** Migrations show and filter by {@code user_id} and {@code project_id}. */
    public static final ApiVersion MIGRATION_OWNER = ApiVersion.of(2, 80);

    private ComputeApiVersions() {
    }
}

package io.windlass.quota;

import io.windlass.api.microversion.ApiVersion;

import java.util.List;
import java.util.Optional;

/**
 * The keys of Nova's quota sets ({@code os-quota-sets}) and the Windlass resource each one is:
 * the nova-network quotas are shown (as unlimited: networking quotas are the Networking API's)
 * until 2.35, the personality ones until 2.56, as Nova filters them.
 */
public enum NovaQuotaSet {
    INSTANCES("instances", QuotaResource.INSTANCES, null),
    CORES("cores", QuotaResource.CORES, null),
    RAM("ram", QuotaResource.RAM, null),
    METADATA_ITEMS("metadata_items", QuotaResource.METADATA_ITEMS, null),
    KEY_PAIRS("key_pairs", QuotaResource.KEY_PAIRS, null),
    SERVER_GROUPS("server_groups", QuotaResource.SERVER_GROUPS, null),
    SERVER_GROUP_MEMBERS("server_group_members", QuotaResource.SERVER_GROUP_MEMBERS, null),
    INJECTED_FILES("injected_files", QuotaResource.INJECTED_FILES, ApiVersion.of(2, 56)),
    INJECTED_FILE_CONTENT_BYTES("injected_file_content_bytes", QuotaResource.INJECTED_FILE_CONTENT_BYTES,
            ApiVersion.of(2, 56)),
    INJECTED_FILE_PATH_BYTES("injected_file_path_bytes", QuotaResource.INJECTED_FILE_PATH_LENGTH, ApiVersion.of(2, 56)),
    FIXED_IPS("fixed_ips", null, ApiVersion.of(2, 35)),
    FLOATING_IPS("floating_ips", null, ApiVersion.of(2, 35)),
    SECURITY_GROUPS("security_groups", null, ApiVersion.of(2, 35)),
    SECURITY_GROUP_RULES("security_group_rules", null, ApiVersion.of(2, 35)),
    NETWORKS("networks", null, ApiVersion.of(2, 35));

    private final String key;
    private final QuotaResource resource;
    private final ApiVersion until;

    NovaQuotaSet(String key, QuotaResource resource, ApiVersion until) {
        this.key = key;
        this.resource = resource;
        this.until = until;
    }

    public String key() {
        return key;
    }

    /** The Windlass resource; empty for the nova-network quotas, which nothing here enforces. */
    public Optional<QuotaResource> resource() {
        return Optional.ofNullable(resource);
    }

    /**
     * The keys a client of {@code version} sees. {@code networks} is accepted in an update (Nova's
     * schema keeps it) but never shown: Nova's quota engine has no such resource any more, and
     * clients validate the answer against Nova's keys (Tempest's quota_set schema refuses others).
     */
    public static List<NovaQuotaSet> shownAt(ApiVersion version) {
        return List.of(values()).stream().filter(q -> q != NETWORKS)
                .filter(q -> q.until == null || !version.isAtLeast(next(q.until))).toList();
    }

    public static Optional<NovaQuotaSet> ofKey(String key) {
        return List.of(values()).stream().filter(q -> q.key.equals(key)).findFirst();
    }

    private static ApiVersion next(ApiVersion last) {
        return ApiVersion.of(last.major(), last.minor() + 1);
    }
}

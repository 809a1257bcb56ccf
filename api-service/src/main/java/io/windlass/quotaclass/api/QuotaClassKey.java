package io.windlass.quotaclass.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.quota.QuotaResource;

import java.util.List;
import java.util.Optional;

/**
 * The keys of Nova's quota class sets, in its order (sorted by name), with the Windlass resource
 * each one limits and the microversions it is shown at ({@code quota_classes.py}): the nova-network
 * quotas until 2.49 (their limits are kept and shown, and limit nothing: networking is the
 * Networking API's), the server group ones from 2.50, the personality ones until 2.56.
 */
enum QuotaClassKey {
    CORES("cores", QuotaResource.CORES, null, null),
    FIXED_IPS("fixed_ips", null, null, Gates.LAST_WITH_NETWORK),
    FLOATING_IPS("floating_ips", null, null, Gates.LAST_WITH_NETWORK),
    INJECTED_FILE_CONTENT_BYTES("injected_file_content_bytes", QuotaResource.INJECTED_FILE_CONTENT_BYTES, null,
            Gates.LAST_WITH_PERSONALITY),
    INJECTED_FILE_PATH_BYTES("injected_file_path_bytes", QuotaResource.INJECTED_FILE_PATH_LENGTH, null,
            Gates.LAST_WITH_PERSONALITY),
    INJECTED_FILES("injected_files", QuotaResource.INJECTED_FILES, null, Gates.LAST_WITH_PERSONALITY),
    INSTANCES("instances", QuotaResource.INSTANCES, null, null),
    KEY_PAIRS("key_pairs", QuotaResource.KEY_PAIRS, null, null),
    METADATA_ITEMS("metadata_items", QuotaResource.METADATA_ITEMS, null, null),
    RAM("ram", QuotaResource.RAM, null, null),
    SECURITY_GROUP_RULES("security_group_rules", null, null, Gates.LAST_WITH_NETWORK),
    SECURITY_GROUPS("security_groups", null, null, Gates.LAST_WITH_NETWORK),
    SERVER_GROUP_MEMBERS("server_group_members", QuotaResource.SERVER_GROUP_MEMBERS,
            ComputeApiVersions.QUOTA_CLASS_SERVER_GROUPS, null),
    SERVER_GROUPS("server_groups", QuotaResource.SERVER_GROUPS, ComputeApiVersions.QUOTA_CLASS_SERVER_GROUPS, null);

    private final String key;
    private final QuotaResource resource;
    private final ApiVersion shownFrom;
    private final ApiVersion shownUntil;

    QuotaClassKey(String key, QuotaResource resource, ApiVersion shownFrom, ApiVersion shownUntil) {
        this.key = key;
        this.resource = resource;
        this.shownFrom = shownFrom;
        this.shownUntil = shownUntil;
    }

    String key() {
        return key;
    }

    /** The resource it limits; empty for the nova-network quotas. */
    Optional<QuotaResource> resource() {
        return Optional.ofNullable(resource);
    }

    /** Its name in {@code quota_classes}: the resource's, as in {@code quotas}, else Nova's key. */
    String storedAs() {
        return resource().map(QuotaResource::key).orElse(key);
    }

    static List<QuotaClassKey> shownAt(ApiVersion version) {
        return List.of(values()).stream().filter(k -> k.shownFrom == null || version.isAtLeast(k.shownFrom))
                .filter(k -> k.shownUntil == null || version.isAtMost(k.shownUntil)).toList();
    }

    static Optional<QuotaClassKey> ofKey(String key) {
        return List.of(values()).stream().filter(k -> k.key.equals(key)).findFirst();
    }

    /** The last microversions some keys are shown at (enum constants cannot name static fields of their own). */
    private static final class Gates {
        static final ApiVersion LAST_WITH_NETWORK = ApiVersion.of(2, 49);
        static final ApiVersion LAST_WITH_PERSONALITY = ApiVersion.of(2, 56);
    }
}

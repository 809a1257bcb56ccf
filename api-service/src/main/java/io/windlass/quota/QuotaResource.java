package io.windlass.quota;

/**
 * The resources quotas limit, with their names in the database and in error messages: Zun's
 * for containers (and capsules), Nova's for servers. Counted resources have a row in
 * {@code quota_usages}; the others are per-request limits checked against a request alone.
 */
public enum QuotaResource {
    CONTAINERS("containers"),
    CPU("cpu"),
    MEMORY("memory"),
    /** Nova: servers per project. */
    INSTANCES("instances"),
    /** Nova: vCPUs of a project's servers. */
    CORES("cores"),
    /** Nova: memory of a project's servers, MiB. */
    RAM("ram"),
    /** Nova: metadata items per server (a per-request limit). */
    METADATA_ITEMS("metadata_items"),
    /** Nova: personality files per server (a per-request limit). */
    INJECTED_FILES("injected_files"),
    /** Nova: bytes per personality file (a per-request limit). */
    INJECTED_FILE_CONTENT_BYTES("injected_file_content_bytes"),
    /** Nova: characters of a personality file path (a per-request limit). */
    INJECTED_FILE_PATH_LENGTH("injected_file_path_length"),
    /** Nova: key pairs per user, counted when one is made (KeyPairService) against the project's limit. */
    KEY_PAIRS("key_pairs"),
    /** Nova: server groups per project, counted when one is made (ServerGroupService). */
    SERVER_GROUPS("server_groups"),
    /** Nova: servers per server group, counted when servers boot into one (ServerGroupService). */
    SERVER_GROUP_MEMBERS("server_group_members");

    private final String key;

    QuotaResource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

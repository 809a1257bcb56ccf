package io.windlass.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code windlass.quota.*}: default per-project limits (Zun's and Nova's defaults); -1 means unlimited. */
@ConfigMapping(prefix = "windlass.quota")
public interface QuotaConfig {
    /** Containers per project. */
    @WithDefault("40")
    long containers();

    /** Total vCPUs of a project's containers. */
    @WithDefault("20")
    long cpu();

    /** Total memory of a project's containers, MiB. */
    @WithDefault("51200")
    long memory();

    /** Servers per project (Nova {@code instances}). */
    @WithDefault("10")
    long instances();

    /** Total vCPUs of a project's servers (Nova {@code cores}). */
    @WithDefault("20")
    long cores();

    /** Total memory of a project's servers, MiB (Nova {@code ram}). */
    @WithDefault("51200")
    long ram();

    /** Metadata items per server. */
    @WithDefault("128")
    long metadataItems();

    /** Personality files per server. */
    @WithDefault("5")
    long injectedFiles();

    /** Bytes per personality file (decoded). */
    @WithDefault("10240")
    long injectedFileContentBytes();

    /** Characters of a personality file path. */
    @WithDefault("255")
    long injectedFilePathLength();

    /** Key pairs per user (Nova {@code key_pairs}). */
    @WithDefault("100")
    long keyPairs();

    /** Server groups per project (Nova {@code server_groups}). */
    @WithDefault("10")
    long serverGroups();

    /** Servers per server group (Nova {@code server_group_members}). */
    @WithDefault("10")
    long serverGroupMembers();
}

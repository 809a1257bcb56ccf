package io.windlass.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code windlass.quota.*}: default per-project limits (Zun's defaults); -1 means unlimited. */
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
}

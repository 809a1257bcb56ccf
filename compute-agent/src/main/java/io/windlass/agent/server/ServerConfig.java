package io.windlass.agent.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** How the agent realises Nova servers ({@code windlass.agent.server.*}). */
@ConfigMapping(prefix = "windlass.agent.server")
public interface ServerConfig {

    /**
     * Host directory holding the servers' config drives, one subdirectory per server uuid. With
     * the docker driver the engine bind-mounts from it, so it must be a path of the engine's host.
     */
    @WithDefault("/var/lib/windlass/config-drives")
    Path configDriveDir();

    /** Where the config drive appears inside a server (read-only), as cloud-init's ConfigDrive source expects a mounted drive. */
    @WithDefault("/mnt/config")
    String configDriveMountPath();

    /**
     * How long a stop or soft reboot waits for the guest to shut down before forcing it off
     * (Nova's {@code shutdown_timeout}, shorter: a container guest needs no minute to sync disks).
     */
    @WithDefault("10s")
    Duration stopTimeout();
}

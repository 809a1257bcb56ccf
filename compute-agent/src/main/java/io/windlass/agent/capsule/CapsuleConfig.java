package io.windlass.agent.capsule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the agent realises capsules ({@code windlass.agent.capsule.*}). */
@ConfigMapping(prefix = "windlass.agent.capsule")
public interface CapsuleConfig {

    /**
     * Image of the sandbox container that owns a capsule's network namespace. There is no pause
     * image on these hosts; busybox sleeping under docker-init stops at once on SIGTERM.
     */
    @WithDefault("busybox:latest")
    String sandboxImage();

    /** How long one init container may run before the capsule fails. */
    @WithDefault("5m")
    Duration initTimeout();
}

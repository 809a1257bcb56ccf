package io.windlass.conductor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code windlass.conductor.*}: workflow and reconciliation settings. */
@ConfigMapping(prefix = "windlass.conductor")
public interface ConductorConfig {

    /** How often the reconciler looks for silent hosts and stuck rows (one replica per round does it). */
    @WithDefault("30s")
    Duration reconcileInterval();

    /** A row still Creating without a host after this long failed to schedule. */
    @WithDefault("5m")
    Duration buildTimeout();

    /**
     * A create that its host has not answered for this long is sent to it again (the agent's
     * create is idempotent: it finishes what an earlier delivery made), once per period, until
     * {@link #taskTimeout()} fails it. Covers a create lost with a host's queue or an agent.
     */
    @WithDefault("60s")
    Duration redriveAfter();

    /** A task_state older than this is stale (the agent never reported the end) and is cleared. */
    @WithDefault("10m")
    Duration taskTimeout();

    /** Concurrent consumers of the conductor topic in this process. */
    @WithDefault("8")
    int rpcConsumers();

    /**
     * A server left resized (VERIFY_RESIZE) this long is confirmed by the reconciler, as Nova's
     * {@code resize_confirm_window}; 0 (the default, as Nova's) never confirms on its own.
     */
    @WithDefault("0s")
    Duration resizeConfirmWindow();

    /**
     * Longest wait for a host to commit a workload to an image (createImage, createBackup, Zun's
     * commit): the engine copies the workload's filesystem meanwhile. An image still saving after
     * this (and one reconcile period) is marked killed.
     */
    @WithDefault("10m")
    Duration commitTimeout();

    /**
     * Longest wait for a host's report of a Zun image pull (the agent's own pull gives up after its
     * {@code windlass.agent.image-pull-timeout}); an image still Pulling after this (and up to one
     * reconcile period) ends in Error.
     */
    @WithDefault("10m")
    Duration imagePullTimeout();

    /**
     * How long a shelved server keeps its place on its host before it is offloaded (Nova's
     * {@code shelved_offload_time}): 0 offloads it as part of the shelve, as Nova's default does; a
     * negative value never offloads it (only {@code shelveOffload} does).
     */
    @WithDefault("0s")
    Duration shelvedOffloadTime();

    /** Zone of hosts in no aggregate with an {@code availability_zone} (Nova's {@code default_availability_zone}). */
    @WithDefault("nova")
    String defaultAvailabilityZone();
}

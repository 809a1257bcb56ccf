package io.windlass.agent.driver;

import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the agent needs from a container (or, later, VM) engine. Containers are addressed by
 * their Windlass uuid; the driver maps that to its own naming, which makes every call
 * idempotent across agent restarts. Failures are {@link DriverException}s;
 * {@link ContainerNotFoundException} when the uuid is unknown to the engine.
 */
public interface ContainerDriver extends AutoCloseable {

    /** Short driver name reported in heartbeats ({@code docker}, {@code fake}). */
    String name();

    /** True when the engine answers. */
    boolean ping();

    /**
     * Creates (does not start) the container, fetching the image first as the spec's pull
     * policy says.
     *
     * @throws ImageUnavailableException when the image is missing and may not or could not be pulled
     */
    void create(ContainerSpec spec);

    void start(String uuid);

    void stop(String uuid, Duration timeout);

    void pause(String uuid);

    void unpause(String uuid);

    void restart(String uuid, Duration timeout);

    void kill(String uuid);

    /** Removes the container; without {@code force} the engine refuses a running one. */
    void remove(String uuid, boolean force);

    /** Live change of limits; null keeps the current value. */
    void update(String uuid, Double cpu, Integer memoryMb);

    /** One sample of resource use. */
    ContainerStats stats(String uuid);

    /** Current state, empty when the engine has no such container. */
    Optional<ObservedContainer> inspect(String uuid);

    /** Every container this agent manages, cheaply (no per-container inspection). */
    List<ContainerSummary> list();

    /** Images present on the host. */
    List<String> images();

    /** Whether the image (a reference such as {@code busybox:latest}) is on the host. */
    boolean hasImage(String image);

    /**
     * Fetches the image onto the host (image pre-caching).
     *
     * @throws ImageUnavailableException when it cannot be fetched
     */
    void pullImage(String image);

    /** What the host offers, as the engine sees it. */
    HostInventory inventory();

    /**
     * Streams state changes of managed containers until the returned subscription is closed
     * or the engine ends the stream ({@link EngineEventListener#onClosed}).
     */
    EventSubscription followEvents(EngineEventListener listener);

    @Override
    void close();
}

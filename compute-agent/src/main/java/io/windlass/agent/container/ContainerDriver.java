package io.windlass.agent.container;

import io.windlass.agent.console.ConsoleDriver;
import io.windlass.agent.driver.EngineImage;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.workload.WorkloadDriver;
import io.windlass.agent.workload.InterfaceDriver;
import io.windlass.agent.workload.CommitDriver;
import io.windlass.agent.workload.LogDriver;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;
import io.windlass.network.WorkloadNetworks;
import io.windlass.zunimage.SearchImages;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the agent needs from a container engine for Zun containers (and, being the engine the
 * host runs, for the host's inventory and images). Failures are
 * {@link io.windlass.agent.driver.DriverException}s;
 * {@link io.windlass.agent.driver.WorkloadNotFoundException} when the uuid is unknown to the engine.
 * A placed container gains and loses ports as {@link InterfaceDriver} says (Zun's
 * {@code network_attach} and {@code network_detach}); its log is read as {@link LogDriver} says (Zun's {@code logs});
 * commands, processes and files inside it are reached as {@link ContainerAccessDriver} says (Zun's
 * {@code execute}, {@code top} and archives); its terminals and followed log as {@link ConsoleDriver} says.
 */
public interface ContainerDriver extends WorkloadDriver<ObservedContainer>, InterfaceDriver, LogDriver, CommitDriver,
        ContainerAccessDriver, ConsoleDriver, AutoCloseable {

    /** True when the engine answers. */
    boolean ping();

    /**
     * Creates (does not start) the container, fetching the image first as the spec's pull
     * policy says, on its ports: the first as its interface with the port's addresses and MAC,
     * the others connected after.
     *
     * @param networks the container's ports; empty: the engine's default network
     * @throws io.windlass.agent.driver.ImageUnavailableException when the image is missing and may not or could not be pulled
     */
    void create(ContainerSpec spec, WorkloadNetworks networks);

    void start(String uuid);

    void stop(String uuid, Duration timeout);

    void pause(String uuid);

    void unpause(String uuid);

    void restart(String uuid, Duration timeout);

    /** Sends {@code signal} (as Zun names it: {@code SIGTERM}, {@code term}, {@code 15}) to the main process; null: SIGKILL. */
    void kill(String uuid, String signal);

    /**
     * Removes the container, and then those of its tenant networks no other workload uses; without
     * {@code force} the engine refuses a running one.
     */
    void remove(String uuid, boolean force);

    /** Live change of limits; null keeps the current value. */
    void update(String uuid, Double cpu, Integer memoryMb);

    /** One sample of resource use. */
    ContainerStats stats(String uuid);

    /** Every container this agent manages, cheaply (no per-container inspection). */
    List<ContainerSummary> list();

    /** Every managed container as observed now: the listing, then one inspection each. */
    @Override
    default List<ObservedContainer> observeAll() {
        return list().stream().map(c -> observe(c.uuid())).flatMap(Optional::stream).toList();
    }

    /** Images present on the host. */
    List<String> images();

    /** Which of these engine volumes the host has for the project (Zun's {@code mounts} by name). */
    List<String> volumes(String projectId, List<String> names);

    /** Whether the image (a reference such as {@code busybox:latest}) is on the host. */
    boolean hasImage(String image);

    /**
     * Fetches the image onto the host (image pre-caching).
     *
     * @throws io.windlass.agent.driver.ImageUnavailableException when it cannot be fetched
     */
    void pullImage(String image);

    /**
     * Loads an image archive ({@code docker save}'s format) onto the host as {@code reference}, and
     * under no other name, whatever names the archive carries.
     *
     * @throws io.windlass.agent.driver.ImageUnavailableException when the engine cannot load it
     */
    void loadImage(InputStream archive, String reference);

    /**
     * The image's archive ({@code docker save}'s format), as the engine streams it; the caller closes it.
     *
     * @throws io.windlass.agent.driver.DriverException when the engine has no such image or refuses
     */
    InputStream saveImage(String reference);

    /**
     * Removes an image by reference (a deleted snapshot, an image of Zun's images API): the reference's
     * tag goes, and the image with it unless another tag still names it. Nothing to do when it is not here.
     *
     * @throws io.windlass.agent.driver.ImageInUseException when the engine refuses because a workload uses it
     * @throws io.windlass.agent.driver.DriverException when the engine refuses otherwise
     */
    void removeImage(String reference);

    /** The image's engine id and size, when the host has it (an untagged reference means {@code :latest}). */
    Optional<EngineImage> inspectImage(String image);

    /**
     * What the registry the engine searches knows of {@code term} (Zun's {@code image_search} with the
     * docker driver), in the registry's order.
     *
     * @throws io.windlass.agent.driver.DriverException when the engine cannot search (no registry reachable)
     */
    List<SearchImages.Match> searchImages(String term);

    /** What the host offers, as the engine sees it. */
    HostInventory inventory();

    @Override
    void close();
}

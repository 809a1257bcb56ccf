package io.windlass.agent.driver.fake;

import io.windlass.image.CommittedImage;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.container.NotInContainerException;
import io.windlass.agent.container.ContainerSummary;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EngineImage;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.WorkloadExistsException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.ImageInUseException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.container.ObservedContainer;
import io.windlass.container.ContainerArchive;
import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerTty;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStats;
import io.windlass.container.ContainerStatus;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.ResizeContainerExec;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.WorkloadNetworks;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import io.windlass.zunimage.SearchImages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIMULATION ONLY: containers that exist in memory, with instant transitions, so that one
 * machine can run many agents and load-test the control plane. Nothing runs; data is lost
 * on restart. Never the default ({@code windlass.agent.driver=fake} selects it). Ports are
 * ignored: a fake container is on the made-up network, whatever its create, attaches and detaches say.
 */
public class FakeContainerDriver implements ContainerDriver {

    private record FakeContainer(ContainerSpec spec, String engineId, ContainerStatus status) {
        FakeContainer moveTo(ContainerStatus next) {
            return new FakeContainer(spec, engineId, next);
        }
    }

    private final Map<String, FakeContainer> containers = new ConcurrentHashMap<>();
    /** Exec instances made and not run, by id: the container each belongs to. */
    private final Map<String, String> execs = new ConcurrentHashMap<>();
    private final FakeEvents events = new FakeEvents();
    private final HostInventory inventory;
    private final Set<String> images;
    private final HostImages hostImages;

    /**
     * @param inventory what the simulated host offers
     * @param images    images the simulated host "has"; creating from any other fails as on a real host
     */
    public FakeContainerDriver(HostInventory inventory, Set<String> images) {
        this.inventory = inventory;
        // grows when images are pre-cached, so it must take concurrent writes
        this.images = ConcurrentHashMap.newKeySet();
        this.images.addAll(images);
        this.hostImages = new HostImages(this.images::contains);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean ping() {
        return true;
    }

    @Override
    public void create(ContainerSpec spec, WorkloadNetworks networks) {
        hostImages.require(spec.image());
        String id = UUID.randomUUID().toString().replace("-", "");
        if (containers.putIfAbsent(spec.uuid(), new FakeContainer(spec, id, ContainerStatus.CREATED))
                != null) {
            throw new WorkloadExistsException("Conflict: the name " + spec.engineName() + " is already in use", null);
        }
        events.emit(spec.uuid(), "create");
    }

    @Override
    public void start(String uuid) {
        transition(uuid, "start", ContainerStatus.RUNNING, Set.of(ContainerStatus.CREATED, ContainerStatus.STOPPED,
                ContainerStatus.RUNNING));
    }

    @Override
    public void stop(String uuid, Duration timeout) {
        transition(uuid, "stop", ContainerStatus.STOPPED, Set.of(ContainerStatus.RUNNING, ContainerStatus.STOPPED,
                ContainerStatus.CREATED));
    }

    @Override
    public void pause(String uuid) {
        transition(uuid, "pause", ContainerStatus.PAUSED, Set.of(ContainerStatus.RUNNING));
    }

    @Override
    public void unpause(String uuid) {
        transition(uuid, "unpause", ContainerStatus.RUNNING, Set.of(ContainerStatus.PAUSED));
    }

    @Override
    public void restart(String uuid, Duration timeout) {
        transition(uuid, "restart", ContainerStatus.RUNNING, Set.of(ContainerStatus.RUNNING, ContainerStatus.STOPPED,
                ContainerStatus.CREATED));
    }

    @Override
    public void kill(String uuid, String signal) {
        transition(uuid, "kill", ContainerStatus.STOPPED, Set.of(ContainerStatus.RUNNING));
    }

    @Override
    public void remove(String uuid, boolean force) {
        FakeContainer c = get(uuid);
        if (!force && (c.status() == ContainerStatus.RUNNING || c.status() == ContainerStatus.PAUSED)) {
            throw new DriverException("You cannot remove a running container " + uuid
                    + ". Stop the container before attempting removal or force remove");
        }
        containers.remove(uuid);
        execs.values().removeIf(uuid::equals);
        events.emit(uuid, "destroy");
    }

    /** Succeeds for a container that exists; its port is not applied (ports are ignored). */
    @Override
    public void attachPort(String uuid, PortSpec port, NetworkBinding network) {
        get(uuid);
    }

    /** Nothing to take away: a fake container has no ports; a missing one is detached already. */
    @Override
    public void detachPort(String uuid, String networkId) {
        // nothing: see above
    }

    @Override
    public void update(String uuid, Double cpu, Integer memoryMb) {
        get(uuid);
        events.emit(uuid, "update");
    }

    @Override
    public ContainerStats stats(String uuid) {
        FakeContainer c = get(uuid);
        double limit = c.spec().memoryMb() > 0 ? c.spec().memoryMb() : inventory.memoryMb();
        return new ContainerStats(0.0, 0.0, limit, 0.0, 0, 0, 0, 0);
    }

    /** Nothing runs, so nothing was logged: an empty log for a container that exists. */
    @Override
    public CommittedImage commit(String uuid, String reference) {
        get(uuid);
        images.add(reference);
        return new CommittedImage("sha256:" + UUID.nameUUIDFromBytes(reference.getBytes()).toString().replace("-", ""), 0);
    }

    @Override
    public WorkloadLog logs(WorkloadLogs request) {
        get(request.uuid());
        return new WorkloadLog("", false);
    }

    /** Nothing runs: a command prints nothing and succeeds; one not run leaves an exec instance to resize. */
    @Override
    public Console open(OpenConsole request, ConsoleOutput output) {
        throw new DriverException("The fake driver runs no processes: it has no console to open");
    }

    /** Nothing runs, so nothing is left. */
    @Override
    public int endOrphans() {
        return 0;
    }

    /** Nothing runs: there is no terminal to resize, which is no failure. */
    @Override
    public void resizeTty(ResizeContainerTty request) {
        get(request.uuid());
    }

    @Override
    public ContainerExecResult exec(ContainerExec request, Duration timeout) {
        get(request.uuid());
        if (request.run()) {
            return ContainerExecResult.ran("", 0, false);
        }
        String execId = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        execs.put(execId, request.uuid());
        return ContainerExecResult.created(execId);
    }

    @Override
    public void resizeExec(ResizeContainerExec request) {
        get(request.uuid());
        if (!request.uuid().equals(execs.get(request.execId()))) {
            throw new NotInContainerException("no such exec instance: " + request.execId());
        }
    }

    /** Nothing runs, so no process is listed (under the engine's default titles). */
    @Override
    public ContainerProcesses top(ListContainerProcesses request) {
        get(request.uuid());
        return new ContainerProcesses(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), List.of());
    }

    /** A fake container has no file system: no path is found in it. */
    @Override
    public ContainerArchive getArchive(GetContainerArchive request) {
        get(request.uuid());
        throw new NotInContainerException("Could not find the file " + request.path() + " in container "
                + ContainerSpec.engineName(request.uuid()));
    }

    /** Accepted and dropped: a fake container has no file system to keep it. */
    @Override
    public void putArchive(PutContainerArchive request) {
        get(request.uuid());
    }

    @Override
    public Optional<ObservedContainer> observe(String uuid) {
        FakeContainer c = containers.get(uuid);
        if (c == null) {
            return Optional.empty();
        }
        String detail = switch (c.status()) {
            case RUNNING -> "Up";
            case PAUSED -> "Up (Paused)";
            case STOPPED -> "Exited (0)";
            default -> c.status().value();
        };
        return Optional.of(new ObservedContainer(uuid, c.engineId(), c.status(), detail, null, Map.of(), List.of(),
                c.spec().command()));
    }

    @Override
    public List<ContainerSummary> list() {
        return containers.entrySet().stream()
                .map(e -> new ContainerSummary(e.getKey(), e.getValue().engineId(),
                        e.getValue().status() == ContainerStatus.RUNNING
                                || e.getValue().status() == ContainerStatus.PAUSED, Set.of()))
                .toList();
    }

    @Override
    public List<String> images() {
        return images.stream().sorted().toList();
    }

    /** Simulated hosts have no volumes: a container mounting one by name is refused. */
    @Override
    public List<String> volumes(String projectId, List<String> names) {
        return List.of();
    }

    @Override
    public boolean hasImage(String image) {
        return images.contains(image);
    }

    /** The archive is read to its end, as the engine reads it; then the host has the image. */
    @Override
    public void loadImage(InputStream archive, String reference) {
        try {
            archive.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ImageUnavailableException(reference, e.getMessage(), e);
        }
        images.add(reference);
    }

    /** A simulated image's archive is its reference's bytes. */
    @Override
    public InputStream saveImage(String reference) {
        if (!images.contains(reference)) {
            throw new ImageUnavailableException(reference, null, null);
        }
        return new ByteArrayInputStream(reference.getBytes(StandardCharsets.UTF_8));
    }

    /** Refused, as the engine refuses, while a simulated container was created from it. */
    @Override
    public void removeImage(String reference) {
        String tagged = reference.contains(":") ? reference : reference + ":latest";
        containers.entrySet().stream().filter(c -> tagged.equals(c.getValue().spec().image())
                || reference.equals(c.getValue().spec().image())).findFirst().ifPresent(c -> {
                    throw new ImageInUseException("conflict: unable to remove repository reference \"" + reference
                            + "\" (must force) - container " + c.getValue().engineId() + " is using its referenced image",
                            null);
                });
        images.remove(reference);
    }

    /** A simulated image's id is derived from its reference; it weighs nothing. */
    @Override
    public Optional<EngineImage> inspectImage(String image) {
        String tagged = image.contains(":") ? image : image + ":latest";
        return images.contains(tagged) ? Optional.of(new EngineImage("sha256:"
                + UUID.nameUUIDFromBytes(tagged.getBytes()).toString().replace("-", ""), 0)) : Optional.empty();
    }

    /** A simulated host's registry knows the repositories it has. */
    @Override
    public List<SearchImages.Match> searchImages(String term) {
        return images.stream().map(FakeContainerDriver::repository).filter(repository -> repository.contains(term))
                .distinct().sorted().map(repository -> new SearchImages.Match(repository, null, 0, false, false))
                .toList();
    }

    /** {@code busybox:latest} → {@code busybox}; a colon before the last slash is a registry's port. */
    private static String repository(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
    }

    /** A simulated pull always succeeds: the image is then "on" the host. */
    @Override
    public void pullImage(String image) {
        images.add(image);
    }

    @Override
    public HostInventory inventory() {
        return inventory;
    }

    @Override
    public EventSubscription followEvents(EngineEventListener listener) {
        return events.follow(listener);
    }

    @Override
    public void close() {
        events.close();
    }

    private FakeContainer get(String uuid) {
        FakeContainer c = containers.get(uuid);
        if (c == null) {
            throw new WorkloadNotFoundException("Container", uuid);
        }
        return c;
    }

    private void transition(String uuid, String action, ContainerStatus to, Set<ContainerStatus> from) {
        FakeContainer c = get(uuid);
        if (!from.contains(c.status())) {
            throw new DriverException("Cannot " + action + " container " + uuid + " in " + c.status().value()
                    + " state");
        }
        containers.put(uuid, c.moveTo(to));
        events.emit(uuid, action);
    }

}

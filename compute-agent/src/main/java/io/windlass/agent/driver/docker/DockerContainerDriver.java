package io.windlass.agent.driver.docker;

import io.windlass.agent.driver.EngineImage;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.image.CommittedImage;
import io.windlass.agent.driver.WorkloadNotFoundException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.container.ContainerSummary;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.container.ObservedContainer;
import io.windlass.agent.network.DataPlaneNames;
import io.windlass.agent.network.PortWiring;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.ContainerSpec;
import io.windlass.container.RegistryLogin;
import io.windlass.container.ContainerStats;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerExec;
import io.windlass.container.ResizeContainerTty;
import io.windlass.container.RestartPolicy;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.network.WorkloadNetworks;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import io.windlass.zunimage.SearchImages;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Drives the local Docker engine through docker-java (verified against dockerd 20.10, API 1.41).
 * A container with ports is made on them by {@link PortWiring}; its tenant networks go with it.
 */
public class DockerContainerDriver implements ContainerDriver {
    private static final Logger LOG = Logger.getLogger(DockerContainerDriver.class);
    /** Longest single engine call; covers a stop or restart with a generous grace period. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final DockerClient docker;
    private final DockerCalls calls;
    private final EngineVolumes volumes;
    /** Held while dedicated CPUs are chosen and the container holding them is made. */
    private final Object pinning = new Object();
    /** Event streams stay silent for as long as nothing happens, so they get no read timeout. */
    private final DockerClient events;
    private final Duration pullTimeout;
    private final PortWiring ports;
    private final DockerLogs logs;
    private final DockerCommits commits;
    private final DockerImages images;
    private final DockerContainerAccess access;
    private final DockerConsoles consoles;
    private final DockerStatsSample stats;

    public DockerContainerDriver(String dockerHost, Duration pullTimeout, PortWiring ports) {
        this(dockerHost, pullTimeout, ports, EngineMeters.silent());
    }

    public DockerContainerDriver(String dockerHost, Duration pullTimeout, PortWiring ports, EngineMeters meters) {
        this.calls = new DockerCalls("Container", meters);
        this.docker = DockerClientFactory.create(dockerHost, CALL_TIMEOUT);
        this.events = DockerClientFactory.create(dockerHost, Duration.ZERO);
        this.pullTimeout = pullTimeout;
        this.ports = ports;
        this.volumes = new EngineVolumes(docker, meters);
        this.logs = new DockerLogs(docker, calls, DockerLogs.READ_TIMEOUT);
        this.commits = new DockerCommits(docker, calls);
        this.images = new DockerImages(docker, calls);
        this.access = new DockerContainerAccess(docker, DockerClientFactory.transportOf(docker), calls,
                DockerContainerDriver::engineName);
        this.consoles = new DockerConsoles(docker, events, calls, DockerContainerDriver::engineName);
        this.stats = new DockerStatsSample(docker, calls);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public boolean ping() {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("docker ping failed: %s", e.getMessage());
            return false;
        }
    }

    @Override
    public void create(ContainerSpec spec, WorkloadNetworks networks) {
        String image = ImageReference.parse(spec.image()).toString();
        String pullPolicy = spec.imagePullPolicy() == null ? "ifnotpresent" : spec.imagePullPolicy().toLowerCase();
        if (pullPolicy.equals("always")) {
            pull(image, pullPolicy, spec.registryLogin());
        }
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(DockerLabels.MANAGED, "true");
        labels.put(DockerLabels.UUID, spec.uuid());
        // a user label must not make the agent take this container for a server
        labels.remove(DockerLabels.KIND);
        if (spec.projectId() != null) {
            labels.put(DockerLabels.PROJECT, spec.projectId());
        }
        HostConfig host = HostConfig.newHostConfig()
                .withRestartPolicy(restartPolicy(spec.restartPolicy()))
                // docker-init forwards SIGTERM, so a stop does not wait out its whole grace period
                .withInit(true)
                .withAutoRemove(spec.autoRemove());
        if (spec.memoryMb() > 0) {
            long bytes = (long) spec.memoryMb() << 20;
            // equal swap limit = no swap; Docker would otherwise allow as much swap as memory
            host.withMemory(bytes).withMemorySwap(bytes);
        }
        if (spec.cpu() > 0) {
            host.withNanoCPUs(Math.round(spec.cpu() * 1e9));
        }
        String hostname = spec.hostname() != null && !spec.hostname().isBlank() ? spec.hostname() : spec.name();
        CreateContainerCmd cmd = docker.createContainerCmd(image)
                .withName(spec.engineName())
                .withLabels(labels)
                .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withTty(spec.tty())
                .withStdinOpen(spec.interactive())
                .withHostConfig(host);
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        if (!spec.entrypoint().isEmpty()) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        if (spec.workdir() != null && !spec.workdir().isBlank()) {
            cmd.withWorkingDir(spec.workdir());
        }
        if (hostname != null && !hostname.isBlank()) {
            cmd.withHostName(hostname);
        }
        if (!spec.exposedPorts().isEmpty()) {
            // Zun's exposed_ports: the engine's ExposedPorts (its security group opens them on the port)
            cmd.withExposedPorts(spec.exposedPorts().stream().map(ExposedPort::parse).toList());
        }
        if (spec.healthcheck() != null) {
            cmd.withHealthcheck(DockerHealthcheck.of(spec.healthcheck()));
        }
        if (spec.privileged()) {
            // Zun's privileged, which only a caller container:create:privileged allows could ask for
            host.withPrivileged(true);
        }
        if (spec.runtime() != null) {
            // Zun's runtime: the engine refuses one its daemon does not have ("Unknown runtime specified")
            host.withRuntime(spec.runtime());
        }
        if (!spec.mounts().isEmpty()) {
            // Zun's mounts on engine volumes; a failed create has the shell remove the container, and its volumes
            host.withMounts(volumes.prepare(spec));
        }
        LOG.debugf("docker create %s", spec.uuid());
        Supplier<String> create = () -> ports.create(networks, cmd,
                c -> calls.create("create", docker, image, () -> c.exec().getId()));
        Supplier<String> attempt = !spec.dedicatedCpus() ? create : () -> {
            // one choice at a time: two creates must not both see the same CPUs free. Each attempt
            // chooses again, since others may have taken CPUs while this one's image was pulled
            synchronized (pinning) {
                String cpuset = CpuPinning.cpuset(dedicatedCpus(spec));
                host.withCpusetCpus(cpuset);
                labels.put(CpuPinning.LABEL, cpuset);
                cmd.withLabels(labels);
                return create.get();
            }
        };
        String id = createPullingIfAbsent(image, pullPolicy, spec.registryLogin(), attempt);
        LOG.infof("created engine container %s for %s from %s", id, spec.uuid(), image);
    }

    /**
     * Created at once when the engine holds the image, as it nearly always does; an image it lacks
     * ({@link DockerCalls#create} finds out) is pulled first where the pull policy allows. The pull
     * runs between the two attempts, outside the CPU choice's lock: a pull may take minutes, and
     * the host's other dedicated-CPU creates must not wait for it.
     */
    private String createPullingIfAbsent(String image, String pullPolicy, RegistryLogin login,
                                         Supplier<String> attempt) {
        try {
            return attempt.get();
        } catch (ImageUnavailableException absent) {
            if (pullPolicy.equals("never") || pullPolicy.equals("always")) {
                // never: not ours to fetch; always: just pulled, and gone again
                throw absent;
            }
            pull(image, pullPolicy, login);
            return attempt.get();
        }
    }

    /** The CPUs the pinned containers of this host hold, but for the one of {@code except}. */
    private Set<Integer> pinnedCpus(String except) {
        List<Container> managed = calls.call("list", null, () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.MANAGED, "true")).exec());
        Set<Integer> taken = new TreeSet<>();
        managed.stream().filter(c -> c.getLabels() != null && !Objects.equals(except, c.getLabels().get(DockerLabels.UUID)))
                .forEach(c -> taken.addAll(CpuPinning.parse(c.getLabels().get(CpuPinning.LABEL))));
        return taken;
    }

    /** Whole CPUs of the host for the container, none another pinned container of this host holds. */
    private List<Integer> dedicatedCpus(ContainerSpec spec) {
        int wanted = (int) Math.ceil(spec.cpu());
        Info info = calls.call("info", null, () -> docker.infoCmd().exec());
        int hostCpus = info.getNCPU() == null ? 0 : info.getNCPU();
        Set<Integer> taken = pinnedCpus(spec.uuid());
        return CpuPinning.choose(hostCpus, taken, wanted).orElseThrow(() -> new DriverException("Not enough CPUs to "
                + "dedicate: " + wanted + " asked, " + (hostCpus - taken.size()) + " of the host's " + hostCpus
                + " free"));
    }

    private void pull(String image, String pullPolicy, RegistryLogin login) {
        LOG.infof("pulling image %s (pull policy %s)", image, pullPolicy);
        calls.timed("pull", () -> {
            pull(image, login);
            return null;
        });
    }

    /**
     * Pulls within the pull timeout, with the registry's login when there is one (the engine's
     * {@code X-Registry-Auth}: the login goes to the engine with this pull only, and is kept nowhere);
     * any failure names the image and the engine's reason.
     */
    private void pull(String image, RegistryLogin login) {
        ImageReference ref = ImageReference.parse(image);
        try {
            var pull = docker.pullImageCmd(ref.repository());
            if (login != null) {
                pull.withAuthConfig(new AuthConfig().withRegistryAddress(login.domain())
                        .withUsername(login.username()).withPassword(login.password()));
            }
            if (ref.digest() != null) {
                pull.withTag(ref.digest());
            } else {
                pull.withTag(ref.tag());
            }
            AtomicReference<String> streamError = new AtomicReference<>();
            var callback = pull.exec(new QuietCallback<PullResponseItem>() {
                @Override
                public void onNext(PullResponseItem item) {
                    String error = DockerCalls.streamError(item);
                    if (error != null) {
                        streamError.set(error);
                    }
                }
            });
            if (!callback.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                callback.close();
                throw new ImageUnavailableException(image, "no answer within " + pullTimeout.toSeconds() + " s", null);
            }
            if (callback.failure() instanceof DockerException e) {
                throw new ImageUnavailableException(image, DockerCalls.engineMessage(e), e);
            }
            if (callback.failure() != null) {
                throw new ImageUnavailableException(image, callback.failure().getMessage(), callback.failure());
            }
            if (streamError.get() != null) {
                throw new ImageUnavailableException(image, streamError.get(), null);
            }
            LOG.infof("pulled image %s", image);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageUnavailableException(image, "interrupted", e);
        } catch (IOException e) {
            throw new ImageUnavailableException(image, e.getMessage(), e);
        } catch (ImageUnavailableException e) {
            throw e;
        } catch (DockerException e) {
            throw new ImageUnavailableException(image, DockerCalls.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw new ImageUnavailableException(image, e.getMessage(), e);
        }
    }

    @Override
    public boolean hasImage(String image) {
        return calls.imagePresent(docker, ImageReference.parse(image).toString());
    }

    @Override
    public void pullImage(String image) {
        String reference = ImageReference.parse(image).toString();
        LOG.infof("pulling image %s (pre-cache)", reference);
        pull(reference, null);
    }

    @Override
    public void loadImage(InputStream archive, String reference) {
        LOG.infof("loading image %s", reference);
        calls.timed("load", () -> {
            images.load(archive, reference, pullTimeout);
            return null;
        });
    }

    @Override
    public InputStream saveImage(String reference) {
        return calls.call("save image", null, () -> docker.saveImageCmd(ImageReference.parse(reference).toString())
                .exec());
    }

    @Override
    public void removeImage(String reference) {
        images.remove(reference);
    }

    @Override
    public Optional<EngineImage> inspectImage(String image) {
        return images.inspect(image);
    }

    @Override
    public List<SearchImages.Match> searchImages(String term) {
        return images.search(term);
    }


    private static com.github.dockerjava.api.model.RestartPolicy restartPolicy(RestartPolicy policy) {
        return switch (policy.name() == null ? "no" : policy.name()) {
            case "always" -> com.github.dockerjava.api.model.RestartPolicy.alwaysRestart();
            case "on-failure" -> com.github.dockerjava.api.model.RestartPolicy.onFailureRestart(
                    policy.maximumRetryCount());
            case "unless-stopped" -> com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart();
            case "no", "" -> com.github.dockerjava.api.model.RestartPolicy.noRestart();
            default -> throw new DriverException("Unsupported restart policy " + policy.name());
        };
    }

    @Override
    public void start(String uuid) {
        calls.run("start", uuid, () -> docker.startContainerCmd(engineName(uuid)).exec());
    }

    @Override
    public void stop(String uuid, Duration timeout) {
        calls.run("stop", uuid, () -> docker.stopContainerCmd(engineName(uuid))
                .withTimeout((int) timeout.toSeconds()).exec());
    }

    @Override
    public void pause(String uuid) {
        calls.run("pause", uuid, () -> docker.pauseContainerCmd(engineName(uuid)).exec());
    }

    @Override
    public void unpause(String uuid) {
        calls.run("unpause", uuid, () -> docker.unpauseContainerCmd(engineName(uuid)).exec());
    }

    @Override
    public void restart(String uuid, Duration timeout) {
        calls.run("restart", uuid, () -> docker.restartContainerCmd(engineName(uuid))
                .withTimeout((int) timeout.toSeconds()).exec());
    }

    @Override
    public void kill(String uuid, String signal) {
        // the engine reads SIGTERM, TERM, term and 15 alike; none is its SIGKILL
        calls.run("kill", uuid, () -> (signal == null ? docker.killContainerCmd(engineName(uuid))
                : docker.killContainerCmd(engineName(uuid)).withSignal(signal)).exec());
    }

    @Override
    public void remove(String uuid, boolean force) {
        // asked before the removal: afterwards the engine no longer knows which networks it was on
        InspectContainerResponse r;
        try {
            r = calls.call("inspect", uuid, () -> docker.inspectContainerCmd(engineName(uuid)).exec());
        } catch (WorkloadNotFoundException e) {
            // a create that failed before the container existed may have made its volumes
            volumes.release(uuid);
            throw e;
        }
        List<String> networks = r.getNetworkSettings() == null ? List.of()
                : PortWiring.windlassNetworks(r.getNetworkSettings().getNetworks());
        calls.remove(uuid, () -> docker.removeContainerCmd(engineName(uuid)).withForce(force).exec());
        ports.release(networks);
        volumes.release(uuid);
    }

    private void releaseVolumesOf(String uuid) {
        try {
            volumes.release(uuid);
        } catch (DriverException e) {
            LOG.warnf("volumes made for %s not released: %s", uuid, e.getMessage());
        }
    }

    @Override
    public List<String> volumes(String projectId, List<String> names) {
        return volumes.find(projectId, names);
    }

    @Override
    public void attachPort(String uuid, PortSpec port, NetworkBinding network) {
        if (!ports.attach(engineName(uuid), port, network)) {
            throw new WorkloadNotFoundException("Container", uuid);
        }
    }

    @Override
    public void detachPort(String uuid, String networkId) {
        ports.detach(engineName(uuid), networkId);
    }

    @Override
    public void update(String uuid, Double cpu, Integer memoryMb) {
        if (cpu == null && memoryMb == null) {
            return;
        }
        var cmd = docker.updateContainerCmd(engineName(uuid));
        if (cpu != null) {
            cmd.withNanoCPUs(Math.round(cpu * 1e9));
        }
        if (memoryMb != null) {
            long bytes = (long) memoryMb << 20;
            // the engine checks memory <= swap limit, so both must move together
            cmd.withMemory(bytes).withMemorySwap(bytes);
        }
        calls.run("update", uuid, cmd::exec);
    }

    @Override
    public ContainerStats stats(String uuid) {
        return DockerStatsConversion.toContainerStats(stats.of(engineName(uuid), uuid));
    }

    @Override
    public WorkloadLog logs(WorkloadLogs request) {
        return logs.read(engineName(request.uuid()), request);
    }

    @Override
    public CommittedImage commit(String uuid, String reference) {
        return commits.commit(engineName(uuid), uuid, reference);
    }

    @Override
    public ContainerExecResult exec(ContainerExec request, Duration timeout) {
        return access.exec(request, timeout);
    }

    @Override
    public Console open(OpenConsole request, ConsoleOutput output) {
        return consoles.open(request, output);
    }

    @Override
    public int endOrphans() {
        return consoles.endOrphans();
    }

    @Override
    public void resizeTty(ResizeContainerTty request) {
        consoles.resizeTty(request);
    }

    @Override
    public void resizeExec(ResizeContainerExec request) {
        access.resizeExec(request);
    }

    @Override
    public ContainerProcesses top(ListContainerProcesses request) {
        return access.top(request);
    }

    @Override
    public ContainerArchive getArchive(GetContainerArchive request) {
        return access.getArchive(request);
    }

    @Override
    public void putArchive(PutContainerArchive request) {
        access.putArchive(request);
    }

    @Override
    public Optional<ObservedContainer> observe(String uuid) {
        InspectContainerResponse r;
        try {
            r = calls.call("inspect", uuid, () -> docker.inspectContainerCmd(engineName(uuid)).exec());
        } catch (WorkloadNotFoundException e) {
            // gone without the agent removing it (auto_remove, a docker rm): the volumes made for it go too.
            // Observations run under the container's lock, so no create of it is half-way here.
            releaseVolumesOf(uuid);
            return Optional.empty();
        }
        DockerContainerState state = DockerContainerState.of(r.getState());
        return Optional.of(new ObservedContainer(uuid, r.getId(), state.containerStatus(), state.detail(Instant.now()),
                state.error(), EngineAddresses.of(r), ports(r),
                r.getConfig() == null || r.getConfig().getCmd() == null ? List.of()
                        : Arrays.asList(r.getConfig().getCmd()), state.health()));
    }

    private static List<Integer> ports(InspectContainerResponse r) {
        if (r.getConfig() == null || r.getConfig().getExposedPorts() == null) {
            return List.of();
        }
        return Arrays.stream(r.getConfig().getExposedPorts()).map(ExposedPort::getPort).distinct().sorted().toList();
    }

    @Override
    public List<ContainerSummary> list() {
        List<Container> containers = calls.call("list", null, () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.MANAGED, "true")).exec());
        return containers.stream()
                // servers (and any later kind) carry windlass.kind: never list them as Zun containers
                .filter(c -> DockerLabels.isZunContainer(c.getLabels()))
                .map(c -> new ContainerSummary(c.getLabels().get(DockerLabels.UUID), c.getId(),
                        "running".equals(c.getState()) || "paused".equals(c.getState())
                                || "restarting".equals(c.getState()),
                        CpuPinning.parse(c.getLabels().get(CpuPinning.LABEL))))
                .toList();
    }

    @Override
    public List<String> images() {
        List<Image> images = calls.call("list images", null, () -> docker.listImagesCmd().exec());
        return images.stream()
                .filter(i -> i.getRepoTags() != null)
                .flatMap(i -> Arrays.stream(i.getRepoTags()))
                .filter(tag -> !tag.equals("<none>:<none>"))
                .sorted()
                .toList();
    }

    @Override
    public HostInventory inventory() {
        Info info = calls.call("info", null, () -> docker.infoCmd().exec());
        long memoryMb = info.getMemTotal() == null ? 0 : info.getMemTotal() >> 20;
        int cpus = info.getNCPU() == null ? 0 : info.getNCPU();
        List<String> runtimes = info.getRuntimes() == null ? List.of() : new TreeSet<>(info.getRuntimes().keySet())
                .stream().toList();
        return new HostInventory(cpus, memoryMb, diskGb(info.getDockerRootDir()), runtimes);
    }

    /** The engine runs on this host, so its root dir's file system is what containers fill. */
    private static long diskGb(String rootDir) {
        Path path = rootDir == null ? Path.of("/") : Path.of(rootDir);
        try {
            if (!Files.exists(path)) {
                path = Path.of("/");
            }
            return Files.getFileStore(path).getTotalSpace() >> 30;
        } catch (IOException e) {
            LOG.warnf("cannot size the engine's root dir %s: %s", rootDir, e.getMessage());
            return 0;
        }
    }

    @Override
    public EventSubscription followEvents(EngineEventListener listener) {
        // the attributes carry the container's labels: report Zun containers only
        return new DockerEventStream(events, DockerLabels.MANAGED + "=true",
                labels -> DockerLabels.isZunContainer(labels) ? labels.get(DockerLabels.UUID) : null, "container")
                .follow(listener);
    }

    @Override
    public void close() {
        for (DockerClient client : List.of(docker, events)) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debugf("closing docker client: %s", e.getMessage());
            }
        }
    }

    private static String engineName(String uuid) {
        return ContainerSpec.engineName(uuid);
    }
}

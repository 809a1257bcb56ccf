package io.windlass.agent.driver.docker;

import io.windlass.agent.driver.EngineMeters;
import io.windlass.image.CommittedImage;
import io.windlass.agent.driver.WorkloadNotFoundException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.network.DataPlaneNames;
import io.windlass.agent.network.PortWiring;
import io.windlass.agent.server.ObservedServer;
import io.windlass.agent.server.PasswordNotSetException;
import io.windlass.agent.server.ServerDriver;
import io.windlass.container.ContainerStatus;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerAddress;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerSpec;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nova servers as long-running Docker containers: the flavor's vCPUs and RAM become the
 * container's CPU and memory limits, the server's hostname its hostname, and the config drive
 * a read-only bind mount. Engine containers are named {@code windlass-server-<uuid>} and carry
 * {@code windlass.managed=true}, {@code windlass.kind=server}, {@code windlass.server.uuid},
 * {@code windlass.project} and every metadata item as {@code windlass.meta.<key>}; they carry
 * no {@code windlass.uuid}, so the Zun container side never sees them. A server with ports is
 * made on them by {@link PortWiring}, and its tenant networks go with it.
 */
public class DockerServerDriver implements ServerDriver {
    private static final Logger LOG = Logger.getLogger(DockerServerDriver.class);
    /** Where a rescue system sees the rescued server's filesystem (Nova attaches the disk as the second one). */
    public static final String RESCUE_MOUNT = "/mnt/rescue";
    /** Longest single engine call; covers a stop with a generous grace period. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final DockerClient docker;
    private final DockerCalls calls;
    /** Event streams stay silent for as long as nothing happens, so they get no read timeout. */
    private final DockerClient events;
    private final String configDriveMountPath;
    private final PortWiring ports;
    private final DockerLogs logs;
    private final DockerCommits commits;
    private final DockerGuestPassword passwords;
    private final DockerMergedRoot mergedRoots;
    private final DockerStatsSample stats;

    /**
     * @param dockerHost           engine endpoint
     * @param configDriveMountPath where the config drive appears inside a server
     * @param ports                puts servers on their ports
     */
    public DockerServerDriver(String dockerHost, String configDriveMountPath, PortWiring ports) {
        this(dockerHost, configDriveMountPath, ports, EngineMeters.silent());
    }

    /** @param meters times every engine call */
    public DockerServerDriver(String dockerHost, String configDriveMountPath, PortWiring ports,
                              EngineMeters meters) {
        this.calls = new DockerCalls("Server", meters);
        this.docker = DockerClientFactory.create(dockerHost, CALL_TIMEOUT);
        this.events = DockerClientFactory.create(dockerHost, Duration.ZERO);
        this.configDriveMountPath = configDriveMountPath;
        this.ports = ports;
        this.logs = new DockerLogs(docker, calls, DockerLogs.READ_TIMEOUT);
        this.commits = new DockerCommits(docker, calls);
        this.passwords = new DockerGuestPassword(docker, calls);
        this.mergedRoots = new DockerMergedRoot(DockerClientFactory.transportOf(docker), calls);
        this.stats = new DockerStatsSample(docker, calls);
    }

    public static String engineName(String uuid) {
        return "windlass-server-" + uuid;
    }

    @Override
    public String name() {
        return "docker";
    }

    /**
     * No pull: a server's image comes from the image catalogue, which lists what the hosts have,
     * so a missing image is a fault to report (naming the image), not a reason to reach a registry.
     * The create finds out ({@link DockerCalls#create}), as it finds an earlier delivery's container.
     */
    @Override
    public void spawn(ServerSpec spec, Path configDrive) {
        String image = ImageReference.parse(spec.image()).toString();
        Map<String, String> labels = new HashMap<>();
        spec.metadata().forEach((k, v) -> labels.put(DockerLabels.META_PREFIX + k, v));
        labels.put(DockerLabels.MANAGED, "true");
        labels.put(DockerLabels.KIND, DockerLabels.KIND_SERVER);
        labels.put(DockerLabels.SERVER_UUID, spec.uuid());
        if (spec.projectId() != null) {
            labels.put(DockerLabels.PROJECT, spec.projectId());
        }
        HostConfig host = HostConfig.newHostConfig()
                // a server powers off when asked and stays off: Nova, not the engine, decides restarts
                .withRestartPolicy(RestartPolicy.noRestart())
                // an init as PID 1 reaps the guest's orphans, as a VM's init would
                .withInit(true);
        if (spec.memoryMb() > 0) {
            long bytes = (long) spec.memoryMb() << 20;
            // equal swap limit = no swap: the flavor's RAM is all the guest gets
            host.withMemory(bytes).withMemorySwap(bytes);
        }
        if (spec.vcpus() > 0) {
            host.withNanoCPUs(spec.vcpus() * 1_000_000_000L);
        }
        // ports win over network auto/none: the conductor sends ports only for a server that has them
        if (spec.networks().isEmpty() && "none".equals(spec.network())) {
            // networks "none" (2.37): no interface but loopback, as a VM without ports
            host.withNetworkMode("none");
        }
        if (configDrive != null) {
            host.withBinds(new Bind(configDrive.toAbsolutePath().toString(), new Volume(configDriveMountPath),
                    AccessMode.ro));
        }
        CreateContainerCmd cmd = docker.createContainerCmd(image)
                .withName(engineName(spec.uuid()))
                .withLabels(labels)
                // A server is long-running by definition, but many images' default command is a
                // shell (busybox, ubuntu: CMD sh/bash) that exits at once on an empty stdin. A
                // terminal with stdin held open, as `docker run -dit`, keeps such a shell waiting
                // like a VM's console; images with a daemon as their command do not mind either.
                .withTty(true)
                .withStdinOpen(true)
                .withHostConfig(host);
        if (spec.hostname() != null && !spec.hostname().isBlank()) {
            cmd.withHostName(spec.hostname());
        }
        String id = ports.create(spec.networks(), cmd, c -> calls.create("create", docker, image, () -> c.exec().getId()));
        LOG.infof("created engine container %s for server %s from %s", id, spec.uuid(), image);
        if (spec.key() != null && spec.key().isSsh()) {
            authorizeKey(id, spec);
        }
        powerOn(spec.uuid());
    }

    /**
     * Makes the server's key root's authorized key before its first start, as a cloud image's
     * cloud-init would from the config drive: container images rarely run cloud-init, and one with
     * sshd should still let the key's owner in. An image without {@code /root} gets none (the engine
     * answers 404 for the path); the key is on the config drive either way.
     */
    private void authorizeKey(String containerId, ServerSpec spec) {
        byte[] archive = AuthorizedKeysArchive.of(spec.key().publicKey());
        boolean written = calls.call("put-archive", spec.uuid(), () -> {
            try {
                docker.copyArchiveToContainerCmd(containerId).withRemotePath("/root")
                        .withTarInputStream(new ByteArrayInputStream(archive)).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
        if (written) {
            LOG.infof("key pair %s authorized for root in server %s", spec.key().name(), spec.uuid());
        } else {
            LOG.infof("server %s: image %s has no /root, key pair %s only on the config drive", spec.uuid(),
                    spec.image(), spec.key().name());
        }
    }


    @Override
    public void act(String uuid, ServerAction action, Duration timeout) {
        String name = engineName(uuid);
        switch (action) {
            case START -> powerOn(uuid);
            case STOP -> {
                // a rescued server's stop ends the rescue (Nova stops from RESCUED): its guest is thawed to be stopped
                if (removeRescueSystem(uuid) && Boolean.TRUE.equals(calls.call("inspect", uuid,
                        () -> docker.inspectContainerCmd(name).exec()).getState().getPaused())) {
                    calls.run("unpause", uuid, () -> docker.unpauseContainerCmd(name).exec());
                }
                calls.run("stop", uuid, () -> docker.stopContainerCmd(name).withTimeout((int) timeout.toSeconds()).exec());
            }
            case REBOOT_SOFT -> calls.run("restart", uuid, () -> docker.restartContainerCmd(name)
                    .withTimeout((int) timeout.toSeconds()).exec());
            case REBOOT_HARD -> {
                if (observe(uuid).map(s -> s.powerState() == PowerState.PAUSED).orElse(false)) {
                    // a hard reboot also recovers a paused server; the engine restarts only unpaused ones
                    calls.run("unpause", uuid, () -> docker.unpauseContainerCmd(name).exec());
                }
                calls.run("restart", uuid, () -> docker.restartContainerCmd(name).withTimeout(0).exec());
            }
            // suspend freezes as pause does (the cgroup freezer): a container has no memory image to
            // save without CRIU, and the conductor tells the two apart by the action that froze it
            case PAUSE, SUSPEND -> calls.run("pause", uuid, () -> docker.pauseContainerCmd(name).exec());
            case UNPAUSE, RESUME -> calls.run("unpause", uuid, () -> docker.unpauseContainerCmd(name).exec());
        }
    }

    /** The engine container of a rescued server's rescue system ({@link #rescue}). */
    public static String rescueName(String uuid) {
        return engineName(uuid) + "-rescue";
    }

    /**
     * Nova's rescue, with a container as the guest. A VM's disk can be attached to a rescue VM; a
     * container's filesystem exists only as the engine's mount of its layers, which the engine
     * keeps while the container runs. So the server's container is started if it was off and
     * frozen (its processes stop touching the files), and the rescue system is a container from the
     * rescue image that joins the server's network namespace (the server's addresses, ports and
     * security groups reach it) with that mount bound read-write at {@link #RESCUE_MOUNT}: what
     * is repaired there is the server's own filesystem, seen by the guest once it is unrescued.
     * A failure takes back what was done, so the server is as it was.
     */
    @Override
    public void rescue(String uuid, String image) {
        String reference = ImageReference.parse(image).toString();
        if (!calls.imagePresent(docker, reference)) {
            throw new ImageUnavailableException(reference, null, null);
        }
        String name = engineName(uuid);
        InspectContainerResponse server = calls.call("inspect", uuid, () -> docker.inspectContainerCmd(name).exec());
        Optional<InspectContainerResponse> existing = rescueContainer(uuid);
        if (existing.isPresent()) {
            // asked again (a redelivery): the rescue system only has to run
            if (!Boolean.TRUE.equals(existing.get().getState().getRunning())) {
                calls.run("start", uuid, () -> docker.startContainerCmd(rescueName(uuid)).exec());
            }
            return;
        }
        boolean wasOff = !Boolean.TRUE.equals(server.getState().getRunning());
        boolean wasPaused = Boolean.TRUE.equals(server.getState().getPaused());
        try {
            if (wasOff) {
                powerOn(uuid);
            }
            if (!wasPaused) {
                calls.run("pause", uuid, () -> docker.pauseContainerCmd(name).exec());
            }
            String root = mergedRoots.of(name, uuid);
            startRescueSystem(uuid, reference, root, server.getHostConfig());
        } catch (RuntimeException e) {
            undoRescue(uuid, wasOff, wasPaused);
            throw e;
        }
        LOG.infof("server %s rescued: %s runs in its place with its filesystem at %s", uuid, reference, RESCUE_MOUNT);
    }

    private void startRescueSystem(String uuid, String image, String root, HostConfig serverHost) {
        HostConfig host = HostConfig.newHostConfig()
                .withRestartPolicy(RestartPolicy.noRestart())
                .withInit(true)
                .withNetworkMode("container:" + engineName(uuid))
                .withBinds(new Bind(root, new Volume(RESCUE_MOUNT), AccessMode.rw));
        if (serverHost != null) {
            // the flavor's limits, as Nova's rescue VM has the instance's flavor
            host.withMemory(serverHost.getMemory()).withMemorySwap(serverHost.getMemorySwap())
                    .withNanoCPUs(serverHost.getNanoCPUs());
        }
        Map<String, String> labels = Map.of(DockerLabels.MANAGED, "true", DockerLabels.KIND,
                DockerLabels.KIND_SERVER_RESCUE, DockerLabels.RESCUE_OF, uuid);
        calls.run("create", uuid, () -> docker.createContainerCmd(image).withName(rescueName(uuid)).withLabels(labels)
                // a shell waiting on its terminal, as a server's is (spawn)
                .withTty(true).withStdinOpen(true).withHostConfig(host).exec());
        calls.run("start", uuid, () -> docker.startContainerCmd(rescueName(uuid)).exec());
    }

    /** After a failed rescue: no rescue system, the guest thawed, and off again when it was. */
    private void undoRescue(String uuid, boolean wasOff, boolean wasPaused) {
        try {
            removeRescueSystem(uuid);
            InspectContainerResponse.ContainerState state = calls.call("inspect", uuid,
                    () -> docker.inspectContainerCmd(engineName(uuid)).exec()).getState();
            if (!wasPaused && Boolean.TRUE.equals(state.getPaused())) {
                calls.run("unpause", uuid, () -> docker.unpauseContainerCmd(engineName(uuid)).exec());
            }
            if (wasOff && Boolean.TRUE.equals(state.getRunning())) {
                calls.run("stop", uuid, () -> docker.stopContainerCmd(engineName(uuid)).withTimeout(0).exec());
            }
        } catch (RuntimeException e) {
            LOG.warnf("server %s: a failed rescue could not be taken back: %s", uuid, e.getMessage());
        }
    }

    /**
     * The rescue system goes; the guest is thawed and restarted, as Nova's unrescue boots the
     * instance from its own disk again. Once done (no rescue system, guest running) nothing more
     * happens, so a redelivered unrescue does not restart the guest again.
     */
    @Override
    public void unrescue(String uuid, Duration timeout) {
        String name = engineName(uuid);
        InspectContainerResponse.ContainerState state = calls.call("inspect", uuid,
                () -> docker.inspectContainerCmd(name).exec()).getState();
        boolean rescued = removeRescueSystem(uuid);
        if (Boolean.TRUE.equals(state.getPaused())) {
            calls.run("unpause", uuid, () -> docker.unpauseContainerCmd(name).exec());
        } else if (!rescued && Boolean.TRUE.equals(state.getRunning())) {
            return;
        }
        calls.run("restart", uuid, () -> docker.restartContainerCmd(name).withTimeout((int) timeout.toSeconds()).exec());
        LOG.infof("server %s unrescued: restarted from its own filesystem", uuid);
    }

    /** @return whether there was a rescue system to remove */
    private boolean removeRescueSystem(String uuid) {
        try {
            calls.run("remove", uuid, () -> docker.removeContainerCmd(rescueName(uuid)).withForce(true).exec());
            return true;
        } catch (WorkloadNotFoundException e) {
            return false;
        }
    }

    private Optional<InspectContainerResponse> rescueContainer(String uuid) {
        try {
            return Optional.of(calls.call("inspect", uuid, () -> docker.inspectContainerCmd(rescueName(uuid)).exec()));
        } catch (WorkloadNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The limits spawn set ({@link #spawn}), changed live: the engine applies them to a running container at once. */
    @Override
    public void resize(String uuid, int vcpus, int memoryMb) {
        long bytes = (long) memoryMb << 20;
        // the engine checks memory <= swap limit, so both move together (equal: no swap, as at spawn)
        calls.run("update", uuid, () -> docker.updateContainerCmd(engineName(uuid)).withNanoCPUs(vcpus * 1_000_000_000L)
                .withMemory(bytes).withMemorySwap(bytes).exec());
    }

    /** Nova's libvirt driver asks the guest agent; a container is asked through {@link DockerGuestPassword}. */
    @Override
    public void setAdminPassword(String uuid, String password) {
        ObservedServer server = observe(uuid).orElseThrow(() -> new WorkloadNotFoundException("Server", uuid));
        if (server.powerState() != PowerState.RUNNING) {
            // Nova's compute manager's words
            throw new PasswordNotSetException("instance " + uuid + " is not running");
        }
        passwords.set(uuid, engineName(uuid), password);
    }

    /** The engine's inspect and one stats sample of the server's container ({@link DockerServerDiagnostics}). */
    @Override
    public ServerDiagnostics diagnostics(String uuid) {
        String name = engineName(uuid);
        InspectContainerResponse inspect = calls.call("inspect", uuid, () -> docker.inspectContainerCmd(name).exec());
        return DockerServerDiagnostics.of(inspect, stats.of(name, uuid), configDriveMountPath, Instant.now());
    }

    private void powerOn(String uuid) {
        calls.run("start", uuid, () -> docker.startContainerCmd(engineName(uuid)).exec());
    }

    @Override
    public void destroy(String uuid) {
        // first: it lives in the server's network namespace and on its filesystem
        removeRescueSystem(uuid);
        try {
            // asked before the removal: afterwards the engine no longer knows which networks it was on
            InspectContainerResponse r = calls.call("inspect", uuid,
                    () -> docker.inspectContainerCmd(engineName(uuid)).exec());
            List<String> networks = r.getNetworkSettings() == null ? List.of()
                    : PortWiring.windlassNetworks(r.getNetworkSettings().getNetworks());
            calls.remove(uuid, () -> docker.removeContainerCmd(engineName(uuid)).withForce(true).exec());
            ports.release(networks);
            removeOwnShelvedImage(uuid, r);
        } catch (WorkloadNotFoundException e) {
            LOG.debugf("server %s has no engine container to remove", uuid);
        }
    }

    /**
     * The image the removed container ran from, when it is the image this server was shelved to:
     * nothing else uses it (its catalogue row went when the server was unshelved). Another container
     * still on it (none is expected) makes the engine refuse, which is logged and left.
     */
    private void removeOwnShelvedImage(String uuid, InspectContainerResponse removed) {
        String reference = removed.getConfig() == null ? null : removed.getConfig().getImage();
        if (reference == null || removed.getImageId() == null) {
            return;
        }
        try {
            Map<String, String> labels = docker.inspectImageCmd(removed.getImageId()).exec().getConfig().getLabels();
            if (labels != null && uuid.equals(labels.get(DockerLabels.SHELVED_FOR))) {
                docker.removeImageCmd(reference).exec();
                LOG.infof("server %s: its shelved image %s removed with it", uuid, reference);
            }
        } catch (RuntimeException e) {
            LOG.warnf("server %s: its shelved image %s stays on the host: %s", uuid, reference, e.getMessage());
        }
    }

    @Override
    public CommittedImage commitShelved(String uuid, String reference) {
        return commits.commit(engineName(uuid), uuid, reference, Map.of(DockerLabels.SHELVED_FOR, uuid));
    }

    /** Also to a server spawned with networks {@code none}: it leaves {@code none} for its first port. */
    @Override
    public void attachPort(String uuid, PortSpec port, NetworkBinding network) {
        if (!ports.attach(engineName(uuid), port, network)) {
            throw new WorkloadNotFoundException("Server", uuid);
        }
    }

    @Override
    public void detachPort(String uuid, String networkId) {
        ports.detach(engineName(uuid), networkId);
    }

    @Override
    public Optional<ObservedServer> observe(String uuid) {
        InspectContainerResponse r;
        try {
            r = calls.call("inspect", uuid, () -> docker.inspectContainerCmd(engineName(uuid)).exec());
        } catch (WorkloadNotFoundException e) {
            return Optional.empty();
        }
        DockerContainerState state = DockerContainerState.of(r.getState());
        PowerState power = state.powerState();
        // a guest frozen for a rescue: the rescue system is what runs, as Nova shows a rescued server running
        Optional<PowerState> rescue = power != PowerState.PAUSED ? Optional.empty()
                : rescueContainer(uuid).map(c -> DockerContainerState.of(c.getState()).powerState());
        return Optional.of(new ObservedServer(uuid, r.getId(), rescue.orElse(power), addresses(r), rescue.isPresent(),
                state.containerStatus() == ContainerStatus.CREATED));
    }

    /**
     * Network to the server's addresses on it: a tenant network by its Windlass uuid (the conductor
     * names it), the engine's own networks by their name, as Nova keys {@code addresses} by network name.
     */
    private static Map<String, List<ServerAddress>> addresses(InspectContainerResponse r) {
        return r.getNetworkSettings() == null ? Map.of() : addresses(r.getNetworkSettings().getNetworks());
    }

    private static Map<String, List<ServerAddress>> addresses(Map<String, ContainerNetwork> networks) {
        Map<String, List<ServerAddress>> result = new LinkedHashMap<>();
        if (networks == null) {
            return result;
        }
        for (Map.Entry<String, ContainerNetwork> e : networks.entrySet()) {
            ContainerNetwork net = e.getValue();
            String key = DataPlaneNames.networkId(e.getKey()).orElse(e.getKey());
            String mac = net.getMacAddress() == null || net.getMacAddress().isBlank() ? null : net.getMacAddress();
            // a stopped container keeps its network attachment but has no address on it
            if (net.getIpAddress() != null && !net.getIpAddress().isBlank()) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(new ServerAddress(net.getIpAddress(), 4, mac));
            }
            if (net.getGlobalIPv6Address() != null && !net.getGlobalIPv6Address().isBlank()) {
                result.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new ServerAddress(net.getGlobalIPv6Address(), 6, mac));
            }
        }
        return result;
    }

    @Override
    public List<ObservedServer> observeAll() {
        // one listing of both kinds (servers and rescue systems carry the kind label, Zun containers do not)
        List<Container> listed = calls.call("list", null, () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerLabels.KIND)).exec());
        Map<String, PowerState> rescues = new HashMap<>();
        listed.stream().filter(c -> hasLabel(c, DockerLabels.KIND, DockerLabels.KIND_SERVER_RESCUE)
                        && c.getLabels().containsKey(DockerLabels.RESCUE_OF))
                .forEach(c -> rescues.put(c.getLabels().get(DockerLabels.RESCUE_OF),
                        listedState(c).powerState()));
        // the listing carries state and networks already: no inspect per server
        return listed.stream()
                .filter(c -> hasLabel(c, DockerLabels.KIND, DockerLabels.KIND_SERVER)
                        && c.getLabels().containsKey(DockerLabels.SERVER_UUID))
                .map(c -> {
                    String uuid = c.getLabels().get(DockerLabels.SERVER_UUID);
                    DockerContainerState state = listedState(c);
                    PowerState power = state.powerState();
                    // as observe: a server frozen for its rescue shows its rescue system's state
                    boolean rescued = power == PowerState.PAUSED && rescues.containsKey(uuid);
                    return new ObservedServer(uuid, c.getId(), rescued ? rescues.get(uuid) : power,
                            c.getNetworkSettings() == null ? Map.of() : addresses(c.getNetworkSettings().getNetworks()),
                            rescued, state.containerStatus() == ContainerStatus.CREATED);
                })
                .toList();
    }

    private static boolean hasLabel(Container c, String key, String value) {
        return c.getLabels() != null && value.equals(c.getLabels().get(key));
    }

    /** A listed container's state, as far as a listing tells it (no exit code, no times). */
    private static DockerContainerState listedState(Container c) {
        return new DockerContainerState(c.getState(), 0, null, null, null, null);
    }

    /** The server's console: its engine container's stdout and stderr. */
    @Override
    public WorkloadLog logs(WorkloadLogs request) {
        return logs.read(engineName(request.uuid()), request);
    }

    @Override
    public CommittedImage commit(String uuid, String reference) {
        return commits.commit(engineName(uuid), uuid, reference);
    }

    @Override
    public EventSubscription followEvents(EngineEventListener listener) {
        return new DockerEventStream(events, DockerLabels.KIND + "=" + DockerLabels.KIND_SERVER,
                labels -> labels.get(DockerLabels.SERVER_UUID), "server").follow(listener);
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
}

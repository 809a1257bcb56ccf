package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.capsule.CapsuleDriver;
import io.windlass.agent.capsule.CapsuleFailure;
import io.windlass.agent.capsule.CapsuleStatusRule;
import io.windlass.agent.capsule.ObservedCapsule;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.network.DataPlaneNames;
import io.windlass.agent.network.PortWiring;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.network.WorkloadNetworks;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Capsules on Docker: a sandbox container owning the network namespace, members joining it
 * ({@code container:<sandbox>} network and IPC), engine volumes per capsule volume.
 * Everything carries the {@code windlass.capsule} label and no {@code windlass.managed} label, so
 * the container driver never mistakes members for Zun containers; the agent keeps no state, so the
 * labels also let {@link #observe} rebuild a capsule from the engine alone (after a restart too).
 * A capsule with ports has its sandbox made on them ({@link PortWiring}), so every member has the
 * ports' addresses; its tenant networks go with the sandbox.
 */
public class DockerCapsuleDriver implements CapsuleDriver {
    private static final Logger LOG = Logger.getLogger(DockerCapsuleDriver.class);
    public static final String CAPSULE_LABEL = "windlass.capsule";
    static final String ROLE_LABEL = "windlass.capsule.role";
    /** Zun's member name, for reasons such as "Container capsule-x-web exited with code 1." */
    static final String MEMBER_NAME_LABEL = "windlass.capsule.member-name";
    /** Position among the init or among the app containers, so reports keep the template's order. */
    static final String MEMBER_INDEX_LABEL = "windlass.capsule.member-index";
    /** The capsule's restart policy ({@code always}, {@code on-failure}, {@code no}): it decides what "failed" means. */
    static final String RESTART_POLICY_LABEL = "windlass.capsule.restart-policy";
    /** On the sandbox: how many app containers the capsule has, so a removed one is noticed. */
    static final String APP_COUNT_LABEL = "windlass.capsule.app-count";

    private final DockerClient docker;
    private final DockerCalls calls;
    private final String sandboxImage;
    private final Duration initTimeout;
    private final PortWiring ports;

    /**
     * @param dockerHost   engine endpoint
     * @param sandboxImage the image of the sandbox container (sleeps under docker-init)
     * @param initTimeout  how long one init container may run
     * @param ports        puts sandboxes on their capsule's ports
     */
    public DockerCapsuleDriver(String dockerHost, String sandboxImage, Duration initTimeout, PortWiring ports) {
        this(dockerHost, sandboxImage, initTimeout, ports, EngineMeters.silent());
    }

    /** @param meters times every engine call */
    public DockerCapsuleDriver(String dockerHost, String sandboxImage, Duration initTimeout, PortWiring ports,
                               EngineMeters meters) {
        this.calls = new DockerCalls("Capsule", meters);
        // no read timeout: waiting for an init container, or for the next event, is a long silent call
        this.docker = DockerClientFactory.create(dockerHost, Duration.ZERO);
        this.sandboxImage = sandboxImage;
        this.initTimeout = initTimeout;
        this.ports = ports;
    }

    public static String sandboxName(String capsuleUuid) {
        return "windlass-capsule-" + capsuleUuid;
    }

    /**
     * A member's engine container is named as a container's ({@link ContainerSpec#engineName}): the
     * container calls that only reach into it (logs, exec, top, archives) serve members by their uuid.
     */
    public static String memberName(CapsuleMemberSpec member) {
        return ContainerSpec.engineName(member.uuid());
    }

    /** The engine volume behind a capsule volume: a new one named after the capsule, or the given one. */
    static String volumeName(String capsuleUuid, CapsuleVolumeSpec volume) {
        return volume.volumeId() != null ? volume.volumeId() : "windlass-capsule-" + capsuleUuid + "-" + volume.name();
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public void create(CapsuleSpec capsule, WorkloadNetworks networks) {
        LOG.infof("create capsule %s: %d init, %d app containers, %d volumes", capsule.uuid(),
                capsule.initContainers().size(), capsule.containers().size(), capsule.volumes().size());
        for (CapsuleVolumeSpec volume : capsule.volumes()) {
            createVolume(capsule, volume);
        }
        String sandbox = startSandbox(capsule, networks);
        for (int i = 0; i < capsule.initContainers().size(); i++) {
            CapsuleMemberSpec init = capsule.initContainers().get(i);
            // run to completion under our watch: an engine restart policy would fight the wait
            String id = createMember(capsule, init, i, sandbox, RestartPolicy.noRestart(), true);
            start(id, init.name());
            Integer exit = waitForExit(id);
            if (exit == null) {
                throw new CapsuleFailure("Init container " + init.name() + " did not finish within " + initTimeout + ".");
            }
            if (exit != 0) {
                throw new CapsuleFailure("Init container " + init.name() + " exited with code " + exit + ".");
            }
            LOG.infof("create capsule %s: init container %s completed", capsule.uuid(), init.name());
        }
        RestartPolicy restart = switch (restartPolicyName(capsule)) {
            case "always" -> RestartPolicy.alwaysRestart();
            case "on-failure" -> RestartPolicy.onFailureRestart(0);
            default -> RestartPolicy.noRestart();
        };
        for (int i = 0; i < capsule.containers().size(); i++) {
            CapsuleMemberSpec app = capsule.containers().get(i);
            start(createMember(capsule, app, i, sandbox, restart, false), app.name());
        }
    }

    @Override
    public void remove(CapsuleSpec capsule, boolean failedCreate) {
        List<Container> all = calls.call("list capsule", null, () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(CAPSULE_LABEL, capsule.uuid())).exec());
        // members first: the sandbox owns the namespace they live in
        all.stream().filter(c -> !"sandbox".equals(c.getLabels().get(ROLE_LABEL))).forEach(this::removeContainer);
        List<Container> sandboxes = all.stream().filter(c -> "sandbox".equals(c.getLabels().get(ROLE_LABEL))).toList();
        sandboxes.forEach(this::removeContainer);
        // the listing named the sandbox's networks: the engine forgets them with it
        ports.release(sandboxes.stream().filter(c -> c.getNetworkSettings() != null)
                .flatMap(c -> PortWiring.windlassNetworks(c.getNetworkSettings().getNetworks()).stream())
                .distinct().toList());
        for (CapsuleVolumeSpec volume : capsule.volumes()) {
            if (volume.volumeId() == null && (volume.autoRemove() || failedCreate)) {
                String name = volumeName(capsule.uuid(), volume);
                try {
                    calls.run("remove volume", name, () -> docker.removeVolumeCmd(name).exec());
                } catch (WorkloadNotFoundException e) {
                    LOG.debugf("volume %s was gone already", name);
                }
            }
        }
    }

    private void removeContainer(Container c) {
        try {
            calls.run("remove", c.getId(),
                    () -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(false).exec());
        } catch (WorkloadNotFoundException e) {
            LOG.debugf("capsule container %s was gone already", c.getId());
        }
    }

    private void createVolume(CapsuleSpec capsule, CapsuleVolumeSpec volume) {
        if (volume.volumeId() != null) {
            // an existing volume must be there already; creating it would hide a typo
            calls.call("inspect volume " + volume.volumeId(), null,
                    () -> docker.inspectVolumeCmd(volume.volumeId()).exec());
            return;
        }
        calls.call("create volume " + volume.name(), null, () -> docker.createVolumeCmd()
                .withName(volumeName(capsule.uuid(), volume))
                .withLabels(Map.of(CAPSULE_LABEL, capsule.uuid())).exec());
    }

    /** Creates the sandbox on the capsule's ports and starts it; returns its engine id. */
    private String startSandbox(CapsuleSpec capsule, WorkloadNetworks networks) {
        HostConfig host = HostConfig.newHostConfig()
                // docker-init forwards SIGTERM to sleep, which then exits at once
                .withInit(true)
                .withIpcMode("shareable")
                .withRestartPolicy(RestartPolicy.alwaysRestart());
        CreateContainerCmd cmd = docker.createContainerCmd(ImageReference.parse(sandboxImage).toString())
                .withName(sandboxName(capsule.uuid()))
                .withHostName(capsule.name() != null ? capsule.name() : capsule.uuid().substring(0, 12))
                .withLabels(Map.of(CAPSULE_LABEL, capsule.uuid(), ROLE_LABEL, "sandbox",
                        RESTART_POLICY_LABEL, restartPolicyName(capsule),
                        APP_COUNT_LABEL, Integer.toString(capsule.containers().size())))
                .withCmd("sleep", "2147483647")
                // ports belong to the network namespace: Docker refuses them on container-mode members
                .withExposedPorts(capsule.containers().stream().flatMap(m -> m.exposedPorts().stream())
                        .distinct().map(ExposedPort::parse).toList())
                .withHostConfig(host);
        String id = ports.create(networks, cmd, c -> calls.create("create sandbox", docker,
                ImageReference.parse(sandboxImage).toString(), () -> c.exec().getId()));
        start(id, "sandbox");
        return id;
    }

    /** Creates a member inside the sandbox's namespaces; returns its engine id. */
    private String createMember(CapsuleSpec capsule, CapsuleMemberSpec member, int index, String sandboxId,
                                RestartPolicy restart, boolean init) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + sandboxId)
                .withIpcMode("container:" + sandboxId)
                .withInit(true)
                .withRestartPolicy(restart)
                .withBinds(binds(capsule, member));
        if (member.memoryMb() > 0) {
            long bytes = (long) member.memoryMb() << 20;
            host.withMemory(bytes).withMemorySwap(bytes);
        }
        if (member.cpu() > 0) {
            host.withNanoCPUs(Math.round(member.cpu() * 1e9));
        }
        CreateContainerCmd cmd = docker.createContainerCmd(ImageReference.parse(member.image()).toString())
                .withName(memberName(member))
                .withLabels(Map.of(CAPSULE_LABEL, capsule.uuid(), ROLE_LABEL, init ? "init" : "app",
                        DockerLabels.UUID, member.uuid(), MEMBER_NAME_LABEL, member.name(),
                        MEMBER_INDEX_LABEL, Integer.toString(index), RESTART_POLICY_LABEL, restartPolicyName(capsule)))
                .withEnv(member.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(host);
        if (!member.command().isEmpty()) {
            cmd.withCmd(member.command());
        }
        if (member.workDir() != null && !member.workDir().isBlank()) {
            cmd.withWorkingDir(member.workDir());
        }
        return calls.call("create " + member.name(), null, () -> cmd.exec().getId());
    }

    private void start(String id, String what) {
        calls.run("start " + what, null, () -> docker.startContainerCmd(id).exec());
    }

    /** The container's exit code, or null when it did not exit within the init timeout. */
    private Integer waitForExit(String id) {
        try (WaitContainerResultCallback callback = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            return callback.awaitStatusCode(initTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (DockerException e) {
            // awaitStatusCode throws when the wait times out
            LOG.debugf("wait for %s: %s", id, e.getMessage());
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String restartPolicyName(CapsuleSpec capsule) {
        return capsule.restartPolicy() == null ? "no" : capsule.restartPolicy();
    }

    private static List<Bind> binds(CapsuleSpec capsule, CapsuleMemberSpec member) {
        Map<String, CapsuleVolumeSpec> volumes = new LinkedHashMap<>();
        capsule.volumes().forEach(v -> volumes.put(v.name(), v));
        return member.volumeMounts().stream().map(m -> new Bind(volumeName(capsule.uuid(), volumes.get(m.volume())),
                new Volume(m.mountPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw)).toList();
    }

    // ---------------------------------------------------------------- observing

    /** One member found on the engine: its Zun name, role, position and state. */
    private record FoundMember(String name, boolean init, int index, CapsuleMemberState state) {
    }

    @Override
    public List<ObservedCapsule> observeAll() {
        List<String> uuids = calls.call("list capsules", null, () -> docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(List.of(CAPSULE_LABEL)).exec()).stream()
                .map(c -> c.getLabels().get(CAPSULE_LABEL))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return uuids.stream().map(this::observe).flatMap(Optional::stream).toList();
    }

    /**
     * The capsule rebuilt from the engine's labels, its status derived from its members; empty
     * when nothing of it is left (no member, no sandbox).
     */
    @Override
    public Optional<ObservedCapsule> observe(String capsuleUuid) {
        List<Container> all = calls.call("list capsule " + capsuleUuid, null, () -> docker.listContainersCmd()
                .withShowAll(true).withLabelFilter(Map.of(CAPSULE_LABEL, capsuleUuid)).exec());
        boolean sandbox = false;
        String restartPolicy = null;
        int appCount = -1;
        List<FoundMember> members = new ArrayList<>();
        for (Container c : all) {
            Map<String, String> labels = c.getLabels();
            String role = labels.get(ROLE_LABEL);
            if (restartPolicy == null) {
                restartPolicy = labels.get(RESTART_POLICY_LABEL);
            }
            if ("sandbox".equals(role)) {
                sandbox = true;
                appCount = parseInt(labels.get(APP_COUNT_LABEL), -1);
                continue;
            }
            if (!"init".equals(role) && !"app".equals(role)) {
                continue;
            }
            String uuid = labels.get(DockerLabels.UUID);
            // capsules made before the name label: the engine name stands in
            String name = labels.getOrDefault(MEMBER_NAME_LABEL, c.getNames() == null || c.getNames().length == 0
                    ? uuid : c.getNames()[0].replaceFirst("^/", ""));
            InspectContainerResponse inspected = inspect(c.getId());
            if (inspected == null) {
                // removed between the listing and now
                continue;
            }
            if (restartPolicy == null && "app".equals(role)) {
                // capsules made before the restart-policy label: the app containers' engine policy is the capsule's
                restartPolicy = zunRestartPolicy(inspected);
            }
            members.add(new FoundMember(name, "init".equals(role), parseInt(labels.get(MEMBER_INDEX_LABEL), 0),
                    memberState(uuid, inspected)));
        }
        if (members.isEmpty() && !sandbox) {
            return Optional.empty();
        }
        members.sort(Comparator.comparing((FoundMember m) -> !m.init()).thenComparingInt(FoundMember::index));
        List<CapsuleMemberState> states = members.stream().map(FoundMember::state).toList();
        List<CapsuleStatusRule.App> apps = members.stream().filter(m -> !m.init())
                .map(m -> new CapsuleStatusRule.App(m.state().uuid(), m.name())).toList();
        CapsuleStatusRule.Derived derived;
        if (appCount > apps.size()) {
            int missing = appCount - apps.size();
            derived = new CapsuleStatusRule.Derived(ContainerStatus.ERROR, missing + " of the capsule's " + appCount
                    + " containers " + (missing == 1 ? "is" : "are") + " missing on the host.");
        } else {
            derived = CapsuleStatusRule.deriveFor(apps, states, restartPolicy == null ? "no" : restartPolicy);
        }
        return Optional.of(new ObservedCapsule(capsuleUuid, derived.status(), derived.reason(), states,
                EngineAddresses.of(inspect(sandboxName(capsuleUuid)))));
    }

    private InspectContainerResponse inspect(String engineId) {
        try {
            return calls.call("inspect", engineId, () -> docker.inspectContainerCmd(engineId).exec());
        } catch (WorkloadNotFoundException e) {
            return null;
        }
    }

    private static CapsuleMemberState memberState(String memberUuid, InspectContainerResponse r) {
        DockerContainerState state = DockerContainerState.of(r.getState());
        Long exit = r.getState().getExitCodeLong();
        return new CapsuleMemberState(memberUuid, state.containerStatus(), state.error(), r.getId(),
                exit == null ? null : exit.intValue());
    }

    private static String zunRestartPolicy(InspectContainerResponse r) {
        RestartPolicy policy = r.getHostConfig() == null ? null : r.getHostConfig().getRestartPolicy();
        String name = policy == null || policy.getName() == null ? "" : policy.getName();
        return name.equals("always") || name.equals("on-failure") ? name : "no";
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Streams events of every capsule container (sandboxes and members), each as an event of
     * its capsule ({@link EngineEvent#uuid()} is the capsule's uuid).
     */
    @Override
    public EventSubscription followEvents(EngineEventListener listener) {
        return new DockerEventStream(docker, CAPSULE_LABEL, labels -> labels.get(CAPSULE_LABEL), "capsule")
                .follow(listener);
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            LOG.debugf("closing the capsule engine client: %s", e.getMessage());
        }
    }
}

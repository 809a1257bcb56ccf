package io.windlass.agent.capsule;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.docker.DockerEventStream;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.docker.DockerContainerState;
import io.windlass.agent.driver.docker.ImageReference;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.container.ContainerAddress;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A capsule on Docker: a sandbox container owning the network namespace, members joining
 * it ({@code container:<sandbox>} network and IPC), engine volumes per capsule volume.
 * Everything carries the {@code windlass.capsule} label and no {@code windlass.managed}
 * label, so the plain-container sync and event follower never mistake members for containers;
 * the {@link CapsuleObserver} follows them instead, rebuilding each capsule from the labels.
 */
class DockerCapsuleEngine {
    private static final Logger LOG = Logger.getLogger(DockerCapsuleEngine.class);
    static final String CAPSULE_LABEL = "windlass.capsule";
    static final String ROLE_LABEL = "windlass.capsule.role";
    /*
     * The agent has no database: these labels let it rebuild a capsule's member list from the
     * engine alone (after a restart too), to follow member events and re-sync capsules.
     */
    /** Zun's member name, for reasons such as "Container capsule-x-web exited with code 1." */
    static final String MEMBER_NAME_LABEL = "windlass.capsule.member-name";
    /** Position among the init or among the app containers, so reports keep the template's order. */
    static final String MEMBER_INDEX_LABEL = "windlass.capsule.member-index";
    /** The capsule's restart policy ({@code always}, {@code on-failure}, {@code no}): it decides what "failed" means. */
    static final String RESTART_POLICY_LABEL = "windlass.capsule.restart-policy";
    /** On the sandbox: how many app containers the capsule has, so a removed one is noticed. */
    static final String APP_COUNT_LABEL = "windlass.capsule.app-count";

    private final DockerClient docker;
    private final String sandboxImage;

    DockerCapsuleEngine(DockerClient docker, String sandboxImage) {
        this.docker = docker;
        this.sandboxImage = sandboxImage;
    }

    static String sandboxName(String capsuleUuid) {
        return "windlass-capsule-" + capsuleUuid;
    }

    static String memberName(CapsuleMemberSpec member) {
        return "windlass-" + member.uuid();
    }

    /** The engine volume behind a capsule volume: a new one named after the capsule, or the given one. */
    static String volumeName(String capsuleUuid, CapsuleVolumeSpec volume) {
        return volume.volumeId() != null ? volume.volumeId() : "windlass-capsule-" + capsuleUuid + "-" + volume.name();
    }

    void createVolume(CapsuleSpec capsule, CapsuleVolumeSpec volume) {
        if (volume.volumeId() != null) {
            // an existing volume must be there already; creating it would hide a typo
            call("inspect volume " + volume.volumeId(), () -> docker.inspectVolumeCmd(volume.volumeId()).exec());
            return;
        }
        call("create volume " + volume.name(), () -> docker.createVolumeCmd()
                .withName(volumeName(capsule.uuid(), volume))
                .withLabels(Map.of(CAPSULE_LABEL, capsule.uuid())).exec());
    }

    void removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw new DriverException("remove volume " + name + ": " + e.getMessage(), e);
        }
    }

    /** Creates and starts the sandbox; returns its engine id. */
    String startSandbox(CapsuleSpec capsule) {
        HostConfig host = HostConfig.newHostConfig()
                // docker-init forwards SIGTERM to sleep, which then exits at once
                .withInit(true)
                .withIpcMode("shareable")
                .withRestartPolicy(RestartPolicy.alwaysRestart());
        String id = call("create sandbox", () -> docker.createContainerCmd(ImageReference.parse(sandboxImage).toString())
                .withName(sandboxName(capsule.uuid()))
                .withHostName(capsule.name() != null ? capsule.name() : capsule.uuid().substring(0, 12))
                .withLabels(Map.of(CAPSULE_LABEL, capsule.uuid(), ROLE_LABEL, "sandbox",
                        RESTART_POLICY_LABEL, restartPolicyName(capsule),
                        APP_COUNT_LABEL, Integer.toString(capsule.containers().size())))
                .withCmd("sleep", "2147483647")
                // ports belong to the network namespace: Docker refuses them on container-mode members
                .withExposedPorts(capsule.containers().stream().flatMap(m -> m.exposedPorts().stream())
                        .distinct().map(ExposedPort::parse).toList())
                .withHostConfig(host).exec().getId());
        call("start sandbox", () -> {
            docker.startContainerCmd(id).exec();
            return null;
        });
        return id;
    }

    /** Creates a member inside the sandbox's namespaces; returns its engine id. */
    String createMember(CapsuleSpec capsule, CapsuleMemberSpec member, int index, String sandboxId,
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
                        "windlass.uuid", member.uuid(), MEMBER_NAME_LABEL, member.name(),
                        MEMBER_INDEX_LABEL, Integer.toString(index), RESTART_POLICY_LABEL, restartPolicyName(capsule)))
                .withEnv(member.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(host);
        if (!member.command().isEmpty()) {
            cmd.withCmd(member.command());
        }
        if (member.workDir() != null && !member.workDir().isBlank()) {
            cmd.withWorkingDir(member.workDir());
        }
        return call("create " + member.name(), () -> cmd.exec().getId());
    }

    void start(String id, String what) {
        call("start " + what, () -> {
            docker.startContainerCmd(id).exec();
            return null;
        });
    }

    /** Waits for the container to exit; its exit code, or null when it did not exit in time. */
    Integer waitForExit(String id, Duration timeout) {
        try (WaitContainerResultCallback callback = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            return callback.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (DockerException e) {
            // awaitStatusCode throws when the wait times out
            LOG.debugf("wait for %s: %s", id, e.getMessage());
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    CapsuleMemberState observe(CapsuleMemberSpec member) {
        try {
            InspectContainerResponse r = docker.inspectContainerCmd(memberName(member)).exec();
            DockerContainerState state = DockerContainerState.of(r.getState());
            Long exit = r.getState().getExitCodeLong();
            return new CapsuleMemberState(member.uuid(), state.containerStatus(), state.error(), r.getId(),
                    exit == null ? null : exit.intValue());
        } catch (NotFoundException e) {
            return new CapsuleMemberState(member.uuid(), io.windlass.container.ContainerStatus.DELETED, null, null,
                    null);
        }
    }

    private static String restartPolicyName(CapsuleSpec capsule) {
        return capsule.restartPolicy() == null ? "no" : capsule.restartPolicy();
    }

    /**
     * One member container found on the engine.
     *
     * @param name  Zun member name
     * @param init  an init container (else an app container)
     * @param index position among its kind
     * @param state what it looks like now
     */
    record FoundMember(String name, boolean init, int index, CapsuleMemberState state) {
    }

    /**
     * A capsule rebuilt from the engine's labels.
     *
     * @param sandboxPresent the sandbox container exists
     * @param restartPolicy  the capsule's restart policy
     * @param appCount       app containers the capsule was created with, or -1 when unknown
     * @param members        init containers first, then app containers, each in template order
     */
    record FoundCapsule(boolean sandboxPresent, String restartPolicy, int appCount, List<FoundMember> members) {
    }

    /** Uuids of every capsule with at least one container on the engine. */
    List<String> capsuleUuids() {
        return call("list capsules", () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(CAPSULE_LABEL)).exec()).stream()
                .map(c -> c.getLabels().get(CAPSULE_LABEL))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** The capsule's containers as the engine has them now (empty members when nothing is left). */
    FoundCapsule find(String capsuleUuid) {
        List<Container> all = call("list capsule " + capsuleUuid, () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(CAPSULE_LABEL, capsuleUuid)).exec());
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
            String uuid = labels.get("windlass.uuid");
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
        members.sort(Comparator.comparing((FoundMember m) -> !m.init()).thenComparingInt(FoundMember::index));
        return new FoundCapsule(sandbox, restartPolicy == null ? "no" : restartPolicy, appCount, members);
    }

    private InspectContainerResponse inspect(String engineId) {
        try {
            return docker.inspectContainerCmd(engineId).exec();
        } catch (NotFoundException e) {
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
    EventSubscription followEvents(EngineEventListener listener) {
        return new DockerEventStream(docker, CAPSULE_LABEL, labels -> labels.get(CAPSULE_LABEL), "capsule")
                .follow(listener);
    }

    /** The sandbox's addresses: every member shares them. */
    Map<String, List<ContainerAddress>> addresses(String capsuleUuid) {
        Map<String, List<ContainerAddress>> result = new LinkedHashMap<>();
        try {
            InspectContainerResponse r = docker.inspectContainerCmd(sandboxName(capsuleUuid)).exec();
            if (r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null) {
                return result;
            }
            for (ContainerNetwork net : r.getNetworkSettings().getNetworks().values()) {
                if (net.getIpAddress() != null && !net.getIpAddress().isBlank()) {
                    result.computeIfAbsent(net.getNetworkID(), k -> new ArrayList<>()).add(new ContainerAddress(
                            net.getIpAddress(), 4, net.getEndpointId(), net.getNetworkID(), false));
                }
            }
        } catch (NotFoundException e) {
            // no sandbox, no addresses
        }
        return result;
    }

    boolean sandboxExists(String capsuleUuid) {
        try {
            docker.inspectContainerCmd(sandboxName(capsuleUuid)).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Force-removes every container of the capsule, members first, the sandbox last. */
    void removeContainers(String capsuleUuid) {
        List<Container> all = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(CAPSULE_LABEL, capsuleUuid)).exec();
        all.stream().filter(c -> !"sandbox".equals(c.getLabels().get(ROLE_LABEL))).forEach(this::remove);
        all.stream().filter(c -> "sandbox".equals(c.getLabels().get(ROLE_LABEL))).forEach(this::remove);
    }

    private void remove(Container c) {
        try {
            docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(false).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    private static List<Bind> binds(CapsuleSpec capsule, CapsuleMemberSpec member) {
        Map<String, CapsuleVolumeSpec> volumes = new LinkedHashMap<>();
        capsule.volumes().forEach(v -> volumes.put(v.name(), v));
        return member.volumeMounts().stream().map(m -> new Bind(volumeName(capsule.uuid(), volumes.get(m.volume())),
                new Volume(m.mountPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw)).toList();
    }

    private static <T> T call(String what, java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (DockerException e) {
            throw new DriverException(what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DriverException(what + ": " + e.getMessage(), e);
        }
    }
}

package io.windlass.agent.capsule;

import com.github.dockerjava.api.model.RestartPolicy;
import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.rpc.ContainerLocks;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.CapsuleVolumeSpec;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves {@code create_capsule} and {@code delete_capsule} on {@code compute.<host>}. A create
 * either finishes (all init containers ran to completion, every app container started) or
 * leaves nothing behind; both end with a {@code report_capsule_status}.
 */
@ApplicationScoped
public class CapsuleManager {
    private static final Logger LOG = Logger.getLogger(CapsuleManager.class);

    private final AgentConfig agent;
    private final CapsuleConfig config;
    private final ConductorRpcApi conductor;
    private final ContainerLocks locks;
    private final CapsuleEngineConnection connection;

    CapsuleManager(AgentConfig agent, CapsuleConfig config, ConductorRpcApi conductor, ContainerLocks locks,
                   CapsuleEngineConnection connection) {
        this.agent = agent;
        this.config = config;
        this.conductor = conductor;
        this.locks = locks;
        this.connection = connection;
    }

    /** Adds the capsule methods to the host's endpoint. */
    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.CREATE_CAPSULE, (ctx, r) -> {
                    locks.withLock(r.spec().uuid(), () -> create(ctx, r.spec()));
                    return null;
                })
                .on(ComputeRpcApi.DELETE_CAPSULE, (ctx, r) -> {
                    locks.withLock(r.spec().uuid(), () -> delete(ctx, r.spec()));
                    return null;
                });
    }

    private Object create(RequestContext ctx, CapsuleSpec capsule) {
        if (agent.driver() != AgentConfig.DriverKind.DOCKER) {
            report(ctx, capsule, ContainerStatus.ERROR, "Capsules need the docker driver on host "
                    + agent.hostName() + ".", List.of(), true);
            return null;
        }
        DockerCapsuleEngine engine = engine();
        if (engine.sandboxExists(capsule.uuid())) {
            // a redelivered create: the first one finished or cleaned up after itself
            LOG.infof("create_capsule %s: already on this host; reporting its state", capsule.uuid());
            reportObserved(ctx, capsule, true);
            return null;
        }
        LOG.infof("create_capsule %s: %d init, %d app containers, %d volumes", capsule.uuid(),
                capsule.initContainers().size(), capsule.containers().size(), capsule.volumes().size());
        String failure;
        try {
            failure = build(engine, capsule);
        } catch (DriverException e) {
            failure = "Failed to create capsule on host " + agent.hostName() + ": " + e.getMessage();
        }
        if (failure != null) {
            LOG.warnf("create_capsule %s failed: %s", capsule.uuid(), failure);
            List<CapsuleMemberState> seen = observeAll(engine, capsule);
            removeEverything(engine, capsule, true);
            report(ctx, capsule, ContainerStatus.ERROR, failure, seen, true);
            return null;
        }
        reportObserved(ctx, capsule, true);
        return null;
    }

    /** @return why the capsule failed, or null when all app containers were started */
    private String build(DockerCapsuleEngine engine, CapsuleSpec capsule) {
        for (CapsuleVolumeSpec volume : capsule.volumes()) {
            engine.createVolume(capsule, volume);
        }
        String sandbox = engine.startSandbox(capsule);
        for (int i = 0; i < capsule.initContainers().size(); i++) {
            CapsuleMemberSpec init = capsule.initContainers().get(i);
            // run to completion under our watch: an engine restart policy would fight the wait
            String id = engine.createMember(capsule, init, i, sandbox, RestartPolicy.noRestart(), true);
            engine.start(id, init.name());
            Integer exit = engine.waitForExit(id, config.initTimeout());
            if (exit == null) {
                return "Init container " + init.name() + " did not finish within " + config.initTimeout() + ".";
            }
            if (exit != 0) {
                return "Init container " + init.name() + " exited with code " + exit + ".";
            }
            LOG.infof("create_capsule %s: init container %s completed", capsule.uuid(), init.name());
        }
        RestartPolicy restart = restartPolicy(capsule.restartPolicy());
        for (int i = 0; i < capsule.containers().size(); i++) {
            CapsuleMemberSpec app = capsule.containers().get(i);
            String id = engine.createMember(capsule, app, i, sandbox, restart, false);
            engine.start(id, app.name());
        }
        return null;
    }

    private Object delete(RequestContext ctx, CapsuleSpec capsule) {
        if (agent.driver() == AgentConfig.DriverKind.DOCKER) {
            removeEverything(engine(), capsule, false);
        }
        LOG.infof("delete_capsule %s: members, sandbox and auto-remove volumes removed", capsule.uuid());
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(capsule.uuid(), agent.hostName(),
                ContainerStatus.DELETED, null, List.of(), Map.of(), true, true, Instant.now()));
        return null;
    }

    /**
     * @param failedCreate a failed create also removes the new volumes it made, whatever
     *                     autoRemove says: the user never got a capsule to keep them for
     */
    private static void removeEverything(DockerCapsuleEngine engine, CapsuleSpec capsule, boolean failedCreate) {
        engine.removeContainers(capsule.uuid());
        for (CapsuleVolumeSpec volume : capsule.volumes()) {
            if (volume.volumeId() == null && (volume.autoRemove() || failedCreate)) {
                engine.removeVolume(DockerCapsuleEngine.volumeName(capsule.uuid(), volume));
            }
        }
    }

    private void reportObserved(RequestContext ctx, CapsuleSpec capsule, boolean operationDone) {
        DockerCapsuleEngine engine = engine();
        List<CapsuleMemberState> states = observeAll(engine, capsule);
        CapsuleStatusRule.Derived derived = CapsuleStatusRule.derive(capsule.containers(), states,
                capsule.restartPolicy());
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(capsule.uuid(), agent.hostName(),
                derived.status(), derived.reason(), states, engine.addresses(capsule.uuid()), false, operationDone,
                Instant.now()));
        LOG.infof("capsule %s: %s%s", capsule.uuid(), derived.status().value(),
                derived.reason() == null ? "" : " (" + derived.reason() + ")");
    }

    private static List<CapsuleMemberState> observeAll(DockerCapsuleEngine engine, CapsuleSpec capsule) {
        List<CapsuleMemberState> states = new ArrayList<>();
        Stream.concat(capsule.initContainers().stream(), capsule.containers().stream())
                .forEach(m -> states.add(engine.observe(m)));
        return states;
    }

    private void report(RequestContext ctx, CapsuleSpec capsule, ContainerStatus status, String reason,
                        List<CapsuleMemberState> members, boolean operationDone) {
        conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(capsule.uuid(), agent.hostName(), status, reason,
                members, Map.of(), false, operationDone, Instant.now()));
    }

    private static RestartPolicy restartPolicy(String name) {
        return switch (name) {
            case "always" -> RestartPolicy.alwaysRestart();
            case "on-failure" -> RestartPolicy.onFailureRestart(0);
            default -> RestartPolicy.noRestart();
        };
    }

    private DockerCapsuleEngine engine() {
        return connection.engine();
    }
}

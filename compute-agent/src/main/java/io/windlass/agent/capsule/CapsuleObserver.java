package io.windlass.agent.capsule;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.rpc.ContainerLocks;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a capsule's status following its members after the create: on any event of one of its
 * containers, and for every capsule in each periodic sync, it rebuilds the member list from the
 * engine's labels (the agent keeps no state, so this works after a restart too), derives the
 * status with {@link CapsuleStatusRule} and casts {@code report_capsule_status}
 * ({@code operationDone=false}).
 * <p>A capsule whose create or delete is still running is not observed: its lock is held, and
 * the report is retried shortly after, so the operation's own final report always comes first
 * (a half-built or half-removed capsule is never reported). A capsule with nothing left on the
 * engine is not reported at all: only a delete says "gone".
 */
@ApplicationScoped
public class CapsuleObserver {
    private static final Logger LOG = Logger.getLogger(CapsuleObserver.class);
    private static final long RETRY_MS = 500;

    private final AgentConfig agent;
    private final ConductorRpcApi conductor;
    private final ContainerLocks locks;
    private final CapsuleEngineConnection connection;
    /** Capsules with a report queued: a burst of member events makes one report, not one each. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** One thread of its own: a capsule waiting for its create never holds up container events. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capsule-status");
        t.setDaemon(true);
        return t;
    });

    CapsuleObserver(AgentConfig agent, ConductorRpcApi conductor, ContainerLocks locks,
                    CapsuleEngineConnection connection) {
        this.agent = agent;
        this.conductor = conductor;
        this.locks = locks;
        this.connection = connection;
    }

    /** Capsules exist only with the docker driver. */
    private boolean enabled() {
        return agent.driver() == AgentConfig.DriverKind.DOCKER;
    }

    /** Streams events of capsule containers, each named by its capsule's uuid. */
    public EventSubscription followEvents(EngineEventListener listener) {
        if (!enabled()) {
            return () -> { };
        }
        return connection.engine().followEvents(listener);
    }

    /** Queues a report of the capsule (coalesced with one already queued). */
    public void requestReport(String capsuleUuid) {
        if (pending.add(capsuleUuid)) {
            worker.execute(() -> attempt(capsuleUuid));
        }
    }

    /** Queues a report of every capsule on the engine. */
    public void syncAll() {
        if (!enabled()) {
            return;
        }
        List<String> capsules;
        try {
            capsules = connection.engine().capsuleUuids();
        } catch (DriverException e) {
            LOG.warnf("capsule sync skipped, the engine cannot be listed: %s", e.getMessage());
            return;
        }
        capsules.forEach(this::requestReport);
        LOG.debugf("sync queued reports of %d capsules", capsules.size());
    }

    private void attempt(String capsuleUuid) {
        boolean ran = locks.tryWithLock(capsuleUuid, () -> {
            // taken off first: an event arriving while we look queues a fresh report
            pending.remove(capsuleUuid);
            report(capsuleUuid);
        });
        if (!ran) {
            worker.schedule(() -> attempt(capsuleUuid), RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void report(String capsuleUuid) {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            DockerCapsuleEngine engine = connection.engine();
            DockerCapsuleEngine.FoundCapsule found = engine.find(capsuleUuid);
            if (found.members().isEmpty() && !found.sandboxPresent()) {
                LOG.debugf("capsule %s: nothing left on the engine; not reported", capsuleUuid);
                return;
            }
            List<CapsuleMemberState> states = found.members().stream()
                    .map(DockerCapsuleEngine.FoundMember::state).toList();
            List<CapsuleStatusRule.App> apps = found.members().stream().filter(m -> !m.init())
                    .map(m -> new CapsuleStatusRule.App(m.state().uuid(), m.name())).toList();
            CapsuleStatusRule.Derived derived;
            if (found.appCount() > apps.size()) {
                int missing = found.appCount() - apps.size();
                derived = new CapsuleStatusRule.Derived(ContainerStatus.ERROR, missing + " of the capsule's "
                        + found.appCount() + " containers " + (missing == 1 ? "is" : "are") + " missing on the host.");
            } else {
                derived = CapsuleStatusRule.deriveFor(apps, states, found.restartPolicy());
            }
            conductor.reportCapsuleStatus(ctx, new CapsuleStatusReport(capsuleUuid, agent.hostName(),
                    derived.status(), derived.reason(), states, engine.addresses(capsuleUuid), false, false,
                    Instant.now()));
            LOG.debugf("capsule %s observed: %s%s", capsuleUuid, derived.status().value(),
                    derived.reason() == null ? "" : " (" + derived.reason() + ")");
        } catch (DriverException | RpcException e) {
            // the periodic sync will report it later
            LOG.warnf("cannot report capsule %s: %s", capsuleUuid, e.getMessage());
        } finally {
            MDC.remove("request_id");
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

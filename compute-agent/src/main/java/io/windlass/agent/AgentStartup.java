package io.windlass.agent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.windlass.agent.capsule.CapsuleManager;
import io.windlass.agent.report.ContainerSync;
import io.windlass.agent.report.EngineEventFollower;
import io.windlass.agent.report.HeartbeatSender;
import io.windlass.agent.rpc.ComputeManager;
import io.windlass.agent.server.ServerManager;
import io.windlass.agent.simulation.SimulatedHosts;
import io.windlass.rpc.RpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Brings the agent up: serve {@code compute.<host>}, announce the host, follow the engine and
 * report what it already runs; then heartbeat and re-sync periodically.
 */
@ApplicationScoped
public class AgentStartup {
    private static final Logger LOG = Logger.getLogger(AgentStartup.class);

    private final AgentConfig config;
    private final RpcServer server;
    private final ComputeManager manager;
    private final HeartbeatSender heartbeat;
    private final EngineEventFollower events;
    private final ContainerSync sync;
    private final Scheduler scheduler;
    private final SimulatedHosts simulation;
    private final CapsuleManager capsules;
    private final ServerManager servers;

    public AgentStartup(AgentConfig config, RpcServer server, ComputeManager manager, HeartbeatSender heartbeat,
                        EngineEventFollower events, ContainerSync sync, Scheduler scheduler,
                        SimulatedHosts simulation, CapsuleManager capsules,
                        ServerManager servers) {
        this.config = config;
        this.server = server;
        this.manager = manager;
        this.heartbeat = heartbeat;
        this.events = events;
        this.sync = sync;
        this.scheduler = scheduler;
        this.simulation = simulation;
        this.capsules = capsules;
        this.servers = servers;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.simulatesManyHosts()) {
            simulation.start();
            return;
        }
        LOG.infof("compute agent for host %s starting (driver %s)", config.hostName(), config.driver());
        server.serve(servers.register(capsules.register(manager.endpoint())), config.consumers());
        heartbeat.send();
        // the follower runs a full sync once its stream is open
        events.start();
        scheduler.newJob("heartbeat")
                .setInterval(config.heartbeatInterval().toString())
                .setDelayed(config.heartbeatInterval().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> heartbeat.send())
                .schedule();
        scheduler.newJob("container-sync")
                .setInterval(config.syncInterval().toString())
                .setDelayed(config.syncInterval().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> sync.syncAll())
                .schedule();
    }

    /**
     * Quiet first, then drain: no more heartbeats or syncs, stop following the engine (before the
     * driver is disposed, so the closing stream is not mistaken for an engine restart), then let
     * running RPC handlers finish and report before the broker connection goes.
     */
    void onStop(@Observes ShutdownEvent event) {
        scheduler.unscheduleJob("heartbeat");
        scheduler.unscheduleJob("container-sync");
        events.stop();
        server.close();
    }
}

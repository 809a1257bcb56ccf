package io.windlass.agent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.windlass.agent.console.ContainerConsoles;
import io.windlass.agent.simulation.SimulatedHosts;
import io.windlass.rpc.RpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
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
    private final Instance<ComputeHost> host;
    private final Scheduler scheduler;
    private final SimulatedHosts simulation;
    private final Instance<ContainerConsoles> consoles;

    public AgentStartup(AgentConfig config, RpcServer server, Instance<ComputeHost> host, Scheduler scheduler,
                        SimulatedHosts simulation, Instance<ContainerConsoles> consoles) {
        this.consoles = consoles;
        this.config = config;
        this.server = server;
        this.host = host;
        this.scheduler = scheduler;
        this.simulation = simulation;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.simulatesManyHosts()) {
            simulation.start();
            return;
        }
        ComputeHost agent = host.get();
        LOG.infof("compute agent for host %s starting (driver %s)", agent.host(), config.driver());
        endOrphanedConsoles();
        server.serve(consoles.get().register(agent.endpoint()), config.consumers());
        agent.heartbeat().send();
        // the event follower runs a full sync once its streams are open
        agent.events().start();
        scheduler.newJob("heartbeat")
                .setInterval(config.heartbeatInterval().toString())
                .setDelayed(config.heartbeatInterval().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> agent.heartbeat().send())
                .schedule();
        scheduler.newJob("workload-sync")
                .setInterval(config.syncInterval().toString())
                .setDelayed(config.syncInterval().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> agent.sync().syncAll())
                .schedule();
    }

    /** A console's process left by the previous run (it went without ending it) is ended, not leaked. */
    private void endOrphanedConsoles() {
        try {
            int ended = consoles.get().endOrphans();
            if (ended > 0) {
                LOG.infof("ended %d exec process(es) left by the consoles of the previous run", ended);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for exec processes left by earlier consoles: %s", e.getMessage());
        }
    }

    /**
     * Quiet first, then drain: no more heartbeats or syncs, stop following the engine (before the
     * drivers are disposed, so the closing streams are not mistaken for an engine restart), then let
     * running RPC handlers finish and report before the broker connection goes.
     */
    void onStop(@Observes ShutdownEvent event) {
        scheduler.unscheduleJob("heartbeat");
        scheduler.unscheduleJob("workload-sync");
        if (!config.simulatesManyHosts()) {
            host.get().events().stop();
            // the api-services' ends are told, rather than finding the queues gone a little later
            consoles.get().closeAll();
        }
        server.close();
    }
}

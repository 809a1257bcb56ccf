package io.windlass.agent.simulation;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.ComputeHost;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.DriverProducer;
import io.windlass.agent.driver.fake.FakeCapsuleDriver;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.agent.driver.fake.FakeNetworks;
import io.windlass.agent.driver.fake.FakePortFilters;
import io.windlass.agent.driver.fake.FakeServerDriver;
import io.windlass.agent.server.ConfigDriveBuilder;
import io.windlass.agent.server.ServerConfig;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.RpcServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SIMULATION ONLY: one agent process acting as many compute hosts, to load-test the control
 * plane (scheduler, conductor, database) at a scale this machine could never run for real.
 * Each simulated host is a {@link ComputeHost} on fake drivers (containers, servers and capsules),
 * with its own {@code compute.<host>} queue and one consumer (prefetch 1, like a small real
 * agent) and its own heartbeat; the heartbeats are spread evenly over the interval so the
 * conductor sees a steady trickle, not a burst. Fake workloads change only when asked, so there
 * is no event stream or periodic sync: each operation's own report keeps the database right.
 */
@ApplicationScoped
public class SimulatedHosts {
    private static final Logger LOG = Logger.getLogger(SimulatedHosts.class);

    private final AgentConfig config;
    private final RpcServer server;
    private final ConductorRpcApi conductor;
    private final ServerConfig serverConfig;
    private final ConfigDriveBuilder configDrives;
    /** Heartbeats only: a couple of threads suffice, a send is one confirmed publish. */
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulated-heartbeats");
        t.setDaemon(true);
        return t;
    });
    private final List<String> hosts = new ArrayList<>();

    public SimulatedHosts(AgentConfig config, RpcServer server, ConductorRpcApi conductor,
                          ServerConfig serverConfig, ConfigDriveBuilder configDrives) {
        this.config = config;
        this.server = server;
        this.conductor = conductor;
        this.serverConfig = serverConfig;
        this.configDrives = configDrives;
    }

    /** Host names this process simulates, e.g. {@code sim-0001}. */
    public static List<String> hostNames(AgentConfig.FakeHosts fake) {
        List<String> names = new ArrayList<>(fake.hostCount());
        for (int i = 0; i < fake.hostCount(); i++) {
            names.add(String.format("%s%04d", fake.hostPrefix(), fake.firstHost() + i));
        }
        return names;
    }

    public void start() {
        List<String> names = hostNames(config.fake());
        long intervalMs = config.heartbeatInterval().toMillis();
        Set<String> images = Set.copyOf(config.fakeImages());
        LOG.warnf("SIMULATION: this agent acts as %d fake hosts %s..%s; nothing runs", names.size(),
                names.getFirst(), names.getLast());
        // a simulated host pulls nothing: pre-caching "fetches" by adding to the fake images
        // nor do they carry tenant networks: no underlay address, whatever the agent's own setting says
        ComputeHost.Settings settings = DriverProducer.settings(config, serverConfig, true).withoutUnderlay();
        for (int i = 0; i < names.size(); i++) {
            String host = names.get(i);
            FakeContainerDriver containers = new FakeContainerDriver(DriverProducer.fakeInventory(config), images);
            // fake servers write no config drive, so the builder is never used by them
            ComputeHost simulated = new ComputeHost(host, new ComputeHost.Drivers(containers,
                    new FakeServerDriver(containers::hasImage), new FakeCapsuleDriver(containers::hasImage),
                    new FakeNetworks(), new FakePortFilters()),
                    conductor, configDrives, settings, EngineMeters.silent());
            server.serve(simulated.endpoint(), 1);
            long offset = intervalMs * i / names.size();
            heartbeats.scheduleAtFixedRate(simulated.heartbeat()::send, offset, intervalMs, TimeUnit.MILLISECONDS);
            hosts.add(host);
        }
        LOG.infof("SIMULATION: %d hosts serving and heart-beating every %d ms", hosts.size(), intervalMs);
    }

    public List<String> hosts() {
        return List.copyOf(hosts);
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }
}

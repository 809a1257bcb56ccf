package io.windlass.agent.report;

import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.ContainerSummary;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.capsule.CapsuleObserver;
import io.windlass.agent.server.ConfigDriveBuilder;
import io.windlass.agent.server.ObservedServer;
import io.windlass.agent.server.ServerDriver;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Re-reports every managed workload, so the database converges even when an event was missed
 * (agent down, stream reconnecting): Zun containers with {@code report_container_status}, Nova
 * servers with {@code report_server_status}, capsules (through the {@link CapsuleObserver}) with
 * {@code report_capsule_status}. The drivers keep the two apart (a server's engine
 * container is never listed as a Zun container), so neither is ever reported as the other.
 */
@ApplicationScoped
public class ContainerSync {
    private static final Logger LOG = Logger.getLogger(ContainerSync.class);
    /** Longer than any spawn: a drive is written just before its server's container is created. */
    private static final Duration ORPHAN_DRIVE_AGE = Duration.ofMinutes(10);

    private final ContainerDriver driver;
    private final ContainerReporter reporter;
    private final ServerDriver servers;
    private final ServerReporter serverReporter;
    private final CapsuleObserver capsules;
    private final ConfigDriveBuilder configDrives;

    public ContainerSync(ContainerDriver driver, ContainerReporter reporter, ServerDriver servers,
                         ServerReporter serverReporter, CapsuleObserver capsules, ConfigDriveBuilder configDrives) {
        this.capsules = capsules;
        this.configDrives = configDrives;
        this.driver = driver;
        this.reporter = reporter;
        this.servers = servers;
        this.serverReporter = serverReporter;
    }

    /** @return true when the engine could be listed (the sync ran) */
    public boolean syncAll() {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            List<ContainerSummary> containers;
            try {
                containers = driver.list();
            } catch (DriverException e) {
                LOG.warnf("sync skipped, the engine cannot be listed: %s", e.getMessage());
                return false;
            }
            int reported = 0;
            for (ContainerSummary c : containers) {
                try {
                    reporter.reportCurrent(ctx, c.uuid(), null, false);
                    reported++;
                } catch (DriverException e) {
                    LOG.warnf("sync of %s failed: %s", c.uuid(), e.getMessage());
                } catch (RpcException e) {
                    LOG.warnf("sync stopped, the conductor cannot be reached: %s", e.getMessage());
                    return true;
                }
            }
            LOG.debugf("sync reported %d of %d managed containers", reported, containers.size());
            syncServers(ctx);
            // queued on the observer's own thread (a capsule being created is reported after its create)
            capsules.syncAll();
            return true;
        } finally {
            MDC.remove("request_id");
        }
    }

    private void syncServers(RequestContext ctx) {
        List<ObservedServer> observed;
        try {
            observed = servers.list();
        } catch (DriverException e) {
            LOG.warnf("server sync skipped, the engine cannot be listed: %s", e.getMessage());
            return;
        }
        for (ObservedServer server : observed) {
            try {
                serverReporter.report(ctx, server, null, false);
            } catch (RpcException e) {
                LOG.warnf("server sync stopped, the conductor cannot be reached: %s", e.getMessage());
                return;
            }
        }
        LOG.debugf("sync reported %d managed servers", observed.size());
        if (servers.usesConfigDrive()) {
            removeOrphanDrives(observed);
        }
    }

    /** A server removed behind the agent's back (docker rm) leaves its config drive: clear it here. */
    private void removeOrphanDrives(List<ObservedServer> observed) {
        try {
            List<String> removed = configDrives.removeOrphans(
                    observed.stream().map(ObservedServer::uuid).collect(Collectors.toSet()), ORPHAN_DRIVE_AGE);
            if (!removed.isEmpty()) {
                LOG.infof("removed the config drives of %d server(s) the engine no longer has: %s", removed.size(),
                        removed);
            }
        } catch (UncheckedIOException e) {
            LOG.warnf("config drive clean-up skipped: %s", e.getMessage());
        }
    }
}

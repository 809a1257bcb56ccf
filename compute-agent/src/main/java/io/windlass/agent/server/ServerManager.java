package io.windlass.agent.server;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.report.ServerReporter;
import io.windlass.agent.rpc.ContainerLocks;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.server.PowerState;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Serves {@code spawn_server}, {@code server_action} and {@code destroy_server} on
 * {@code compute.<host>} (RPC 1.3). Like the container handlers, every cast ends with a
 * {@code report_server_status} with {@code operationDone=true} (carrying a fault when the
 * operation failed), and every handler is idempotent, so a redelivered message is harmless:
 * a second spawn finds the engine workload and finishes the job, a destroy of an unknown
 * server reports it gone.
 */
@ApplicationScoped
public class ServerManager {
    private static final Logger LOG = Logger.getLogger(ServerManager.class);

    private final ServerDriver driver;
    private final ServerReporter reporter;
    private final ConfigDriveBuilder configDrives;
    private final ContainerLocks locks;
    private final String host;
    private final Duration stopTimeout;

    @Inject
    public ServerManager(ServerDriver driver, ServerReporter reporter, ConfigDriveBuilder configDrives,
                         ContainerLocks locks, AgentConfig agent, ServerConfig config) {
        this(driver, reporter, configDrives, locks, agent.hostName(), config.stopTimeout());
    }

    /** For one of several hosts simulated in this process. */
    public ServerManager(ServerDriver driver, ServerReporter reporter, ConfigDriveBuilder configDrives,
                         ContainerLocks locks, String host, Duration stopTimeout) {
        this.driver = driver;
        this.reporter = reporter;
        this.configDrives = configDrives;
        this.locks = locks;
        this.host = host;
        this.stopTimeout = stopTimeout;
    }

    /** Adds the server methods to the host's endpoint. */
    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.SPAWN_SERVER, (ctx, spec) -> locks.withLock(spec.uuid(), () -> spawn(ctx, spec)))
                .on(ComputeRpcApi.SERVER_ACTION, (ctx, op) -> locks.withLock(op.uuid(), () -> action(ctx, op)))
                .on(ComputeRpcApi.DESTROY_SERVER, (ctx, ref) -> locks.withLock(ref.uuid(), () -> destroy(ctx, ref.uuid())));
    }

    Object spawn(RequestContext ctx, ServerSpec spec) {
        LOG.infof("spawn_server %s image=%s vcpus=%d ram=%d MiB", spec.uuid(), spec.image(), spec.vcpus(),
                spec.memoryMb());
        Optional<ObservedServer> existing = driver.observe(spec.uuid());
        if (existing.isPresent()) {
            reuse(ctx, existing.get());
            return null;
        }
        String fault;
        try {
            Path drive = driver.usesConfigDrive() ? configDrives.build(spec) : null;
            driver.spawn(spec, drive);
            LOG.infof("server %s spawned", spec.uuid());
            reporter.reportCurrent(ctx, spec.uuid(), null, true);
            return null;
        } catch (ImageUnavailableException e) {
            fault = e.reasonOn(host);
        } catch (DriverException e) {
            fault = "Failed to spawn server on host " + host + ": " + e.getMessage();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // undecodable user data / personality, or an unwritable config drive directory
            fault = "Failed to build the config drive on host " + host + ": " + e.getMessage();
        }
        LOG.warnf("spawn of %s failed: %s", spec.uuid(), fault);
        removeLeftover(spec.uuid());
        reporter.reportFault(ctx, spec.uuid(), fault);
        return null;
    }

    /** A redelivered spawn: the workload is there already, so only finish powering it on. */
    private void reuse(RequestContext ctx, ObservedServer existing) {
        LOG.infof("server %s already exists as %s (%s); not spawning it again", existing.uuid(),
                existing.engineId(), existing.powerState());
        String fault = null;
        if (existing.powerState() == PowerState.SHUTDOWN) {
            try {
                driver.powerOn(existing.uuid());
            } catch (DriverException e) {
                fault = "Failed to power on server: " + e.getMessage();
            }
        }
        reporter.reportCurrent(ctx, existing.uuid(), fault, true);
    }

    /** A failed spawn must not leave a half-made server or its config drive behind. */
    private void removeLeftover(String uuid) {
        try {
            driver.destroy(uuid);
            if (driver.usesConfigDrive()) {
                configDrives.remove(uuid);
            }
        } catch (DriverException | UncheckedIOException e) {
            LOG.warnf("could not clean up after the failed spawn of %s: %s", uuid, e.getMessage());
        }
    }

    Object action(RequestContext ctx, ServerOperation op) {
        String uuid = op.uuid();
        LOG.infof("server_action %s %s", op.action(), uuid);
        try {
            switch (op.action()) {
                case START -> driver.powerOn(uuid);
                case STOP -> driver.powerOff(uuid, stopTimeout);
                case REBOOT_SOFT -> driver.reboot(uuid, false, stopTimeout);
                case REBOOT_HARD -> driver.reboot(uuid, true, stopTimeout);
                case PAUSE -> driver.pause(uuid);
                case UNPAUSE -> driver.unpause(uuid);
            }
        } catch (ServerNotFoundException e) {
            LOG.warnf("server %s no longer exists in the engine", uuid);
            reporter.reportGone(ctx, uuid, true);
            return null;
        } catch (DriverException e) {
            LOG.warnf("%s of server %s failed: %s", op.action(), uuid, e.getMessage());
            reporter.reportCurrent(ctx, uuid, "Failed to " + verb(op) + " server: " + e.getMessage(), true);
            return null;
        }
        reporter.reportCurrent(ctx, uuid, null, true);
        return null;
    }

    private static String verb(ServerOperation op) {
        return switch (op.action()) {
            case START -> "start";
            case STOP -> "stop";
            case REBOOT_SOFT, REBOOT_HARD -> "reboot";
            case PAUSE -> "pause";
            case UNPAUSE -> "unpause";
        };
    }

    Object destroy(RequestContext ctx, String uuid) {
        LOG.infof("destroy_server %s", uuid);
        try {
            driver.destroy(uuid);
            if (driver.usesConfigDrive()) {
                configDrives.remove(uuid);
            }
        } catch (DriverException | UncheckedIOException e) {
            LOG.warnf("destroy of server %s failed: %s", uuid, e.getMessage());
            reporter.reportCurrent(ctx, uuid, "Failed to destroy server: " + e.getMessage(), true);
            return null;
        }
        LOG.infof("server %s destroyed", uuid);
        reporter.reportGone(ctx, uuid, true);
        return null;
    }
}

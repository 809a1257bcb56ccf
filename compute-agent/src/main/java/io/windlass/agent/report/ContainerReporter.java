package io.windlass.agent.report;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.ObservedContainer;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.ContainerStatusReport;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tells the conductor what a container looks like now. Sending failures (broker down) are
 * thrown: an RPC handler then gets its message redelivered, background callers log and go on.
 */
@ApplicationScoped
public class ContainerReporter {
    private static final Logger LOG = Logger.getLogger(ContainerReporter.class);

    private final ConductorRpcApi conductor;
    private final ContainerDriver driver;
    private final String host;

    @Inject
    public ContainerReporter(ConductorRpcApi conductor, ContainerDriver driver, AgentConfig config) {
        this(conductor, driver, config.hostName());
    }

    /** For one of several hosts simulated in this process. */
    public ContainerReporter(ConductorRpcApi conductor, ContainerDriver driver, String host) {
        this.conductor = conductor;
        this.driver = driver;
        this.host = host;
    }

    /**
     * Inspects the container and reports it, or reports it gone when the engine has none.
     *
     * @param reason        status_reason to send, e.g. why an action failed; null for none
     * @param operationDone the agent finished what it was asked to do (the conductor clears task_state)
     */
    public void reportCurrent(RequestContext ctx, String uuid, String reason, boolean operationDone) {
        driver.inspect(uuid).ifPresentOrElse(
                observed -> report(ctx, observed, reason, operationDone),
                () -> reportGone(ctx, uuid, operationDone));
    }

    public void report(RequestContext ctx, ObservedContainer observed, String reason, boolean operationDone) {
        String statusReason = reason != null ? reason : observed.engineError();
        send(ctx, new ContainerStatusReport(observed.uuid(), host, observed.status(), statusReason,
                observed.statusDetail(), observed.engineId(), observed.addresses(), observed.ports(),
                observed.command(), false, operationDone, Instant.now()));
    }

    public void reportGone(RequestContext ctx, String uuid, boolean operationDone) {
        send(ctx, new ContainerStatusReport(uuid, host, ContainerStatus.DELETED, null, null, null, Map.of(),
                List.of(), List.of(), true, operationDone, Instant.now()));
    }

    /** The operation failed and left nothing behind in the engine. */
    public void reportError(RequestContext ctx, String uuid, String reason) {
        send(ctx, new ContainerStatusReport(uuid, host, ContainerStatus.ERROR, reason, null, null, Map.of(),
                List.of(), List.of(), false, true, Instant.now()));
    }

    private void send(RequestContext ctx, ContainerStatusReport report) {
        LOG.debugf("reporting %s %s%s (operation done: %s)", report.uuid(), report.status().value(),
                report.gone() ? " gone" : "", report.operationDone());
        conductor.reportContainerStatus(ctx, report);
    }
}

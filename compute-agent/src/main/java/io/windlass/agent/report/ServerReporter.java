package io.windlass.agent.report;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.server.ObservedServer;
import io.windlass.agent.server.ServerDriver;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.server.PowerState;
import io.windlass.server.ServerStatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;

/**
 * Tells the conductor what a server looks like now ({@code report_server_status}). Sending
 * failures are thrown, as with {@link ContainerReporter}.
 */
@ApplicationScoped
public class ServerReporter {
    private static final Logger LOG = Logger.getLogger(ServerReporter.class);

    private final ConductorRpcApi conductor;
    private final ServerDriver driver;
    private final String host;

    @Inject
    public ServerReporter(ConductorRpcApi conductor, ServerDriver driver, AgentConfig config) {
        this(conductor, driver, config.hostName());
    }

    /** For one of several hosts simulated in this process. */
    public ServerReporter(ConductorRpcApi conductor, ServerDriver driver, String host) {
        this.conductor = conductor;
        this.driver = driver;
        this.host = host;
    }

    /**
     * Observes the server and reports it, or reports it gone when the engine has none.
     *
     * @param fault         why the requested operation failed, or null
     * @param operationDone the agent finished what it was asked to do (the conductor clears task_state)
     */
    public void reportCurrent(RequestContext ctx, String uuid, String fault, boolean operationDone) {
        driver.observe(uuid).ifPresentOrElse(
                observed -> report(ctx, observed, fault, operationDone),
                () -> reportGone(ctx, uuid, operationDone));
    }

    public void report(RequestContext ctx, ObservedServer observed, String fault, boolean operationDone) {
        send(ctx, new ServerStatusReport(observed.uuid(), host, observed.powerState(), observed.engineId(),
                observed.addresses(), fault, false, operationDone, Instant.now()));
    }

    public void reportGone(RequestContext ctx, String uuid, boolean operationDone) {
        send(ctx, new ServerStatusReport(uuid, host, PowerState.NOSTATE, null, Map.of(), null, true, operationDone,
                Instant.now()));
    }

    /** The operation (a spawn) failed and left nothing behind in the engine. */
    public void reportFault(RequestContext ctx, String uuid, String fault) {
        send(ctx, new ServerStatusReport(uuid, host, PowerState.NOSTATE, null, Map.of(), fault, false, true,
                Instant.now()));
    }

    private void send(RequestContext ctx, ServerStatusReport report) {
        LOG.debugf("reporting server %s %s%s%s (operation done: %s)", report.uuid(), report.powerState(),
                report.gone() ? " gone" : "", report.fault() == null ? "" : " fault: " + report.fault(),
                report.operationDone());
        conductor.reportServerStatus(ctx, report);
    }
}

package io.windlass.agent.report;

import io.windlass.agent.AgentConfig;
import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.ContainerSummary;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.List;

/**
 * Sends the host's inventory and load to the conductor. A host whose engine does not answer
 * sends nothing, so that it stops getting work once the conductor's service-down-time passes.
 */
@ApplicationScoped
public class HeartbeatSender {
    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class);

    private final ContainerDriver driver;
    private final ConductorRpcApi conductor;
    private final AgentConfig config;
    private final String host;

    public HeartbeatSender(ContainerDriver driver, ConductorRpcApi conductor, AgentConfig config) {
        this.driver = driver;
        this.conductor = conductor;
        this.config = config;
        this.host = config.hostName();
    }

    public void send() {
        RequestContext ctx = RequestContext.internal("compute-agent");
        MDC.put("request_id", ctx.requestId());
        try {
            HostState state;
            try {
                state = measure();
            } catch (DriverException e) {
                LOG.warnf("no heartbeat: the engine does not answer: %s", e.getMessage());
                return;
            }
            conductor.reportHostState(ctx, state);
            LOG.debugf("heartbeat sent: %s", state);
        } catch (RpcException e) {
            LOG.warnf("heartbeat not delivered (will retry next interval): %s", e.getMessage());
        } finally {
            MDC.remove("request_id");
        }
    }

    /** Inventory as the engine sees it, with the operator's overrides on top. */
    HostState measure() {
        HostInventory engine = driver.inventory();
        List<ContainerSummary> containers = driver.list();
        int running = (int) containers.stream().filter(ContainerSummary::running).count();
        return new HostState(host, driver.name(),
                config.vcpus().orElse(engine.vcpus()),
                config.memoryMb().orElse(engine.memoryMb()),
                config.diskGb().orElse(engine.diskGb()),
                running, containers.size(), driver.images(), Instant.now());
    }
}

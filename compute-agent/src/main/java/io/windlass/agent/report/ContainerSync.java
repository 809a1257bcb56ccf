package io.windlass.agent.report;

import io.windlass.agent.driver.ContainerDriver;
import io.windlass.agent.driver.ContainerSummary;
import io.windlass.agent.driver.DriverException;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * Re-reports every managed container, so the database converges even when an event was
 * missed (agent down, stream reconnecting).
 */
@ApplicationScoped
public class ContainerSync {
    private static final Logger LOG = Logger.getLogger(ContainerSync.class);

    private final ContainerDriver driver;
    private final ContainerReporter reporter;

    public ContainerSync(ContainerDriver driver, ContainerReporter reporter) {
        this.driver = driver;
        this.reporter = reporter;
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
            return true;
        } finally {
            MDC.remove("request_id");
        }
    }
}

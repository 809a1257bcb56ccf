package io.windlass.agent.report;

import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.container.ContainerSummary;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.server.ObservedServer;
import io.windlass.agent.server.ServerDriver;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.server.PowerState;
import io.windlass.rpc.RpcException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Sends the host's inventory and load to the conductor. A host whose engine does not answer
 * sends nothing, so that it stops getting work once the conductor's service-down-time passes.
 */
public final class HeartbeatSender {
    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class);

    private final ContainerDriver driver;
    private final ServerDriver servers;
    private final ConductorRpcApi conductor;
    private final String host;
    private final OptionalDouble vcpus;
    private final OptionalLong memoryMb;
    private final OptionalLong diskGb;
    private final Optional<String> underlayAddress;

    /**
     * @param vcpus           the operator's override of the CPUs offered, else the engine's
     * @param memoryMb        likewise for memory
     * @param diskGb          likewise for disk
     * @param underlayAddress this host's address between hosts, which the conductor gives the other
     *                        hosts of a network as their peer; empty: its networks stay on it
     */
    public HeartbeatSender(ContainerDriver driver, ServerDriver servers, ConductorRpcApi conductor, String host,
                           OptionalDouble vcpus, OptionalLong memoryMb, OptionalLong diskGb,
                           Optional<String> underlayAddress) {
        this.driver = driver;
        this.servers = servers;
        this.conductor = conductor;
        this.host = host;
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        this.diskGb = diskGb;
        this.underlayAddress = underlayAddress.filter(a -> !a.isBlank());
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
        List<ObservedServer> guests = servers.observeAll();
        // workloads are Zun containers and Nova servers alike (capsule members are not counted)
        int running = (int) (containers.stream().filter(ContainerSummary::running).count()
                + guests.stream().filter(s -> s.powerState() == PowerState.RUNNING
                || s.powerState() == PowerState.PAUSED).count());
        return new HostState(host, driver.name(),
                vcpus.orElse(engine.vcpus()),
                memoryMb.orElse(engine.memoryMb()),
                diskGb.orElse(engine.diskGb()),
                running, containers.size() + guests.size(), driver.images(), Instant.now(),
                underlayAddress.orElse(null), engine.runtimes(), engine.freeDedicatedCpus(containers));
    }
}

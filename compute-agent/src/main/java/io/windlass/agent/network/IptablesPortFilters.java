package io.windlass.agent.network;

import io.windlass.agent.driver.DriverException;
import io.windlass.network.PortFilter;
import io.windlass.network.UpdatePortFilters;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Security groups' ingress rules in the host's iptables (IPv4) and ip6tables (IPv6), as
 * {@link PortFilterPlan} writes them: each family's table is read ({@code -S}), and what must
 * change is applied in one {@code iptables-restore --noflush}, which touches only the chains of
 * the {@code wlsg-} prefix and the one jump to them from {@code FORWARD}.
 * <p>
 * Bridged frames meet these rules because the host has {@code bridge-nf-call-iptables} (and
 * {@code -ip6tables}) on, as for {@link TenantBridgeGuard}. Before a port's first filter arrives it
 * is unfiltered: the conductor sends the list right after a placement, and again every round.
 */
public class IptablesPortFilters implements PortFilters {
    private static final Logger LOG = Logger.getLogger(IptablesPortFilters.class);

    private final HostCommands commands;
    /** One update at a time: each reads the table and then changes it, which must not interleave. */
    private final ReentrantLock lock = new ReentrantLock();
    /** The last list applied, for {@link #reassert}; null before the first. */
    private volatile UpdatePortFilters last;

    public IptablesPortFilters(HostCommands commands) {
        this.commands = commands;
    }

    @Override
    public void apply(UpdatePortFilters request) {
        lock.lock();
        try {
            for (IpFamily family : IpFamily.values()) {
                apply(family, request.ports());
            }
            last = request;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reassert() {
        UpdatePortFilters current = last;
        if (current != null) {
            apply(current);
        }
    }

    private void apply(IpFamily family, List<PortFilter> ports) {
        // -w: wait for the xtables lock the engine may hold
        HostCommands.Result listing = commands.run(List.of(family.tool(), "-w", "-S"));
        if (!listing.ok()) {
            if (family == IpFamily.V6 && PortFilterPlan.between(family, FilterTable.EMPTY, ports).isEmpty()) {
                // a host without a working ip6tables can have no IPv6 filters to keep or remove
                LOG.debugf("ip6tables -S failed (%s); no IPv6 port to filter", listing.stderr());
                return;
            }
            throw new DriverException(family.tool() + " -w -S failed (exit " + listing.exitCode() + "): "
                    + listing.stderr());
        }
        PortFilterPlan plan = PortFilterPlan.between(family, FilterTable.parse(listing.stdout()), ports);
        plan.refused().forEach(why -> LOG.warnf("IPv%d filter left out: %s", family.version(), why));
        if (plan.isEmpty()) {
            return;
        }
        commands.runOrFail(List.of(family.restoreTool(), "-w", "--noflush"), plan.restoreText());
        if (!plan.added().isEmpty() || !plan.removed().isEmpty()) {
            LOG.infof("IPv%d port filters: chains %s added, %s removed", family.version(), plan.added(),
                    plan.removed());
        }
    }
}

package io.windlass.workload;

import io.windlass.network.WorkloadPort;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ports a row holds that its engine workload does not show. An interface attach is a call to the host
 * that may expire while the host is away; the reconciler then ends its task, and the row keeps the
 * port the user asked for although the container never got it. The host's next report shows it: a
 * running workload has an address on every network it is connected to.
 */
public final class InterfaceDrift {
    private InterfaceDrift() {
    }

    /**
     * @param row           the row after the report was applied
     * @param reportingHost the host that reported
     * @param nics          the row's ports
     * @param connected     the tenant networks the report shows the workload on; empty when it cannot tell
     *                      (a stopped workload keeps its attachments but shows no address)
     * @return the ports whose network the workload is not on: none while an operation runs (an attach
     *         or detach in flight ends on its own) or when the row is not live on the reporting host
     */
    public static List<WorkloadPort> unconnected(RowState row, String reportingHost, List<WorkloadPort> nics,
                                                 Optional<Set<String>> connected) {
        if (connected.isEmpty() || row == null || row.phase() != Phase.LIVE || row.busy()
                || !reportingHost.equals(row.host())) {
            return List.of();
        }
        return nics.stream().filter(p -> !connected.get().contains(p.networkId())).toList();
    }
}

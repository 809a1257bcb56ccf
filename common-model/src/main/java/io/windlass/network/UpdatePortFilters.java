package io.windlass.network;

import java.util.List;

/**
 * {@code compute.update_port_filters} (1.7), a cast: the complete ingress filtering of the ports
 * bound to this host, as the security groups stand now. The host makes its filters exactly these:
 * a port not listed has none (unbound, or port security off). Sent after a workload is placed or
 * an interface attached, when groups, rules or memberships change, and every reconcile round, so a
 * lost one is mended within a round.
 *
 * @param ports every filtered port of the host
 */
public record UpdatePortFilters(List<PortFilter> ports) {
    public UpdatePortFilters {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}

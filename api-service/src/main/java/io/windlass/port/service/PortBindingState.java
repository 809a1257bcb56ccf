package io.windlass.port.service;

/**
 * What binding a port to a host means for its status fields: bound ports are ACTIVE with a vif
 * type (Windlass plugs containers into a Linux bridge per network); unbound ones are DOWN and
 * "unbound", which is what Zun and Nova require of a port they are given.
 */
public record PortBindingState(String hostId, String vifType, String status) {
    public static final String BOUND_VIF_TYPE = "bridge";
    public static final String UNBOUND = "unbound";

    public static PortBindingState of(String hostId) {
        boolean bound = hostId != null && !hostId.isEmpty();
        return bound ? new PortBindingState(hostId, BOUND_VIF_TYPE, "ACTIVE") : new PortBindingState("", UNBOUND, "DOWN");
    }
}

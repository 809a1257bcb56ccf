package io.windlass.port.workload;

/**
 * Why a workload cannot have the interfaces it asked for, for the container and server flows to
 * answer in their own API's words and codes (Zun's NetworkNotFound is a 404, Nova's a 400).
 *
 * @see ZunNetworkErrors
 * @see NovaNetworkErrors
 */
public class WorkloadNetworkException extends RuntimeException {

    public enum Reason {
        NETWORK_NOT_FOUND,
        /** Several visible networks carry the name. */
        NETWORK_AMBIGUOUS,
        /** The network has no subnet to take an address from. */
        NETWORK_WITHOUT_SUBNET,
        PORT_NOT_FOUND,
        PORT_AMBIGUOUS,
        /** Another project's port, or not DOWN. */
        PORT_NOT_USABLE,
        /** Bound to a device already. */
        PORT_IN_USE,
        /** The port has no address (Nova's PortRequiresFixedIP). */
        PORT_WITHOUT_ADDRESS,
        /** The same port asked for twice. */
        PORT_TWICE,
        /** Nothing asked for and more than one network to choose from (Nova). */
        NETWORKS_AMBIGUOUS,
        /** Nothing asked for, no network to choose from, and the deployment refuses such creates. */
        NO_NETWORK_AVAILABLE,
        /** The fixed address is taken. */
        FIXED_IP_IN_USE,
        /** The fixed address is no address of the network's subnets. */
        FIXED_IP_INVALID,
        /** The networking quota refused the port. */
        PORTS_OVER_QUOTA,
        /** No address left in the network's subnets. */
        NO_MORE_ADDRESSES
    }

    private final Reason reason;
    private final String subject;

    /**
     * @param subject what the reason is about (the network or port as the user named it, the address)
     * @param detail  the networking API's own words, for the log and the reasons that quote them
     */
    public WorkloadNetworkException(Reason reason, String subject, String detail) {
        super(detail);
        this.reason = reason;
        this.subject = subject;
    }

    public Reason reason() {
        return reason;
    }

    public String subject() {
        return subject;
    }
}

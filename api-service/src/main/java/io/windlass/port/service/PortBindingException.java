package io.windlass.port.service;

/**
 * Why a workload cannot take a port, for the container and server flows to answer in their own
 * API's words (Zun's PortNotUsable 400, Nova's PortInUse 409, ...).
 */
public class PortBindingException extends RuntimeException {

    /** The upstream conditions of Zun's ensure_neutron_port_usable and Nova's allocate_for_instance. */
    public enum Reason {
        /** No such port. */
        NOT_FOUND,
        /** Another project's port, or not DOWN. */
        NOT_USABLE,
        /** Already bound to a device. */
        IN_USE
    }

    private final Reason reason;
    private final String portId;

    public PortBindingException(Reason reason, String portId) {
        super(reason + ": port " + portId);
        this.reason = reason;
        this.portId = portId;
    }

    public Reason reason() {
        return reason;
    }

    public String portId() {
        return portId;
    }
}

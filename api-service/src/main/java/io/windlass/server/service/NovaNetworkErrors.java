package io.windlass.server.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.port.workload.WorkloadNetworkException;

/**
 * Nova's answers to a {@code networks} item it cannot honour ({@code nova/exception.py}, as
 * {@code POST /servers} maps them: NETWORKS.md §2.2). Nova finds most of these at the compute
 * host, after the 202; here they are found before it.
 */
public final class NovaNetworkErrors {
    private NovaNetworkErrors() {
    }

    /**
     * As {@code os-interface} answers an attach ({@code attach_interfaces.py}): what is not found is a
     * 404 there, an ambiguous network a 400, an address in use a 409.
     */
    public static ApiException ofAttach(WorkloadNetworkException e, String serverUuid) {
        String subject = e.subject();
        return switch (e.reason()) {
            case NETWORK_NOT_FOUND -> new ResourceNotFoundException("NetworkNotFound", "Network " + subject
                    + " could not be found.");
            case PORT_NOT_FOUND, PORT_AMBIGUOUS -> new ResourceNotFoundException("PortNotFound", "Port id " + subject
                    + " could not be found.");
            case NETWORK_AMBIGUOUS, NETWORKS_AMBIGUOUS -> new InvalidInputException("NetworkAmbiguous",
                    "Multiple possible networks found, use a Network ID to be more specific.");
            case FIXED_IP_IN_USE -> new ConflictException("FixedIpAlreadyInUse", "Fixed IP address " + subject
                    + " is already in use on instance " + serverUuid + ".");
            default -> of(e, serverUuid);
        };
    }

    public static ApiException of(WorkloadNetworkException e, String serverUuid) {
        String subject = e.subject();
        return switch (e.reason()) {
            case NETWORK_NOT_FOUND -> new InvalidInputException("NetworkNotFound", "Network " + subject
                    + " could not be found.");
            case NETWORK_AMBIGUOUS, NETWORKS_AMBIGUOUS -> new ConflictException("NetworkAmbiguous",
                    "Multiple possible networks found, use a Network ID to be more specific.");
            case NETWORK_WITHOUT_SUBNET -> new InvalidInputException("NetworkRequiresSubnet", "Network " + subject
                    + " requires a subnet in order to boot instances on.");
            case PORT_NOT_FOUND, PORT_AMBIGUOUS -> new InvalidInputException("PortNotFound", "Port id " + subject
                    + " could not be found.");
            case PORT_NOT_USABLE -> new InvalidInputException("PortNotUsable", "Port " + subject
                    + " not usable for instance " + serverUuid + ".");
            case PORT_IN_USE -> new ConflictException("PortInUse", "Port " + subject + " is still in use.");
            case PORT_WITHOUT_ADDRESS -> new InvalidInputException("PortRequiresFixedIP", "Port " + subject
                    + " requires a FixedIP in order to be used.");
            case PORT_TWICE -> InvalidInputException.badRequest("Port ID '" + subject
                    + "' was specified twice: you cannot attach a port multiple times.");
            case FIXED_IP_IN_USE -> new InvalidInputException("FixedIpAlreadyInUse", "Fixed IP address " + subject
                    + " is already in use.");
            case FIXED_IP_INVALID -> new InvalidInputException("InvalidInput", "Invalid input received: "
                    + e.getMessage());
            case PORTS_OVER_QUOTA -> new ApiException(403, "PortLimitExceeded", "Maximum number of ports exceeded.");
            case NO_MORE_ADDRESSES -> new InvalidInputException("NoMoreFixedIps",
                    "No fixed IP addresses available for network: " + subject);
            // Nova's auto-allocated topology is not offered: with no network to take, "auto" cannot be honoured
            case NO_NETWORK_AVAILABLE -> new InvalidInputException("UnableToAutoAllocateNetwork",
                    "Unable to automatically allocate a network for project " + subject);
        };
    }
}

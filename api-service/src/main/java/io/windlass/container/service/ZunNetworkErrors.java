package io.windlass.container.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.port.workload.WorkloadNetworkException;

/**
 * Zun's answers to a {@code nets} item it cannot honour: the exception classes, codes and messages
 * of {@code zun/common/exception.py} and {@code zun/network/neutron.py} (see NETWORKS.md §1.4).
 * Zun meets address problems only at compute time, where Neutron refuses the port; here they are
 * found at once and answered with Neutron's words.
 */
public final class ZunNetworkErrors {
    private ZunNetworkErrors() {
    }

    public static ApiException of(WorkloadNetworkException e) {
        String subject = e.subject();
        return switch (e.reason()) {
            case NETWORK_NOT_FOUND -> new ResourceNotFoundException("NetworkNotFound",
                    "Neutron network " + subject + " could not be found.");
            case NETWORK_AMBIGUOUS -> new ConflictException("Conflict",
                    "Multiple neutron networks exist with same name. Please use the uuid instead.");
            case NETWORK_WITHOUT_SUBNET -> new InvalidInputException("ZunException",
                    "The Neutron network " + subject + " has no subnet");
            case PORT_NOT_FOUND -> new ResourceNotFoundException("PortNotFound",
                    "Neutron port " + subject + " could not be found.");
            case PORT_AMBIGUOUS -> new ConflictException("Conflict",
                    "Multiple neutron ports exist with same name. Please use the uuid instead.");
            case PORT_NOT_USABLE, PORT_WITHOUT_ADDRESS -> new InvalidInputException("PortNotUsable",
                    "Port " + subject + " not usable for the container.");
            case PORT_IN_USE, PORT_TWICE -> new InvalidInputException("PortInUse", "Port " + subject + " is still in use.");
            // Zun takes the first of several networks, so only "none at all" is refused (get_available_network)
            case NETWORKS_AMBIGUOUS, NO_NETWORK_AVAILABLE -> new ConflictException("Conflict",
                    "There is no neutron network available");
            case FIXED_IP_IN_USE -> new ConflictException("IpAddressInUse", e.getMessage());
            case FIXED_IP_INVALID -> new InvalidInputException("InvalidIpForNetwork", e.getMessage());
            case PORTS_OVER_QUOTA -> new ApiException(403, "OverQuota", e.getMessage());
            case NO_MORE_ADDRESSES -> new ConflictException("IpAddressGenerationFailure", e.getMessage());
        };
    }
}

package io.windlass.port.persistence;

import java.util.List;
import java.util.Map;

/**
 * A port row with its addresses and security groups.
 *
 * @param bindingHostId   "" while unbound
 * @param bindingProfile  free-form, as the binding extension keeps it
 */
public record PortRecord(String id, String networkId, String projectId, String name, String description,
                         String macAddress, boolean adminStateUp, String status, String deviceId, String deviceOwner,
                         String bindingHostId, String bindingVifType, String bindingVnicType,
                         Map<String, Object> bindingProfile, boolean portSecurityEnabled, List<FixedIp> fixedIps,
                         List<String> securityGroups, String createdAt, String updatedAt, int revisionNumber) {

    /** Neutron's owner of router interfaces: their ports are managed through the router. */
    public static final String ROUTER_INTERFACE = "network:router_interface";

    public boolean isRouterInterface() {
        return ROUTER_INTERFACE.equals(deviceOwner);
    }
}

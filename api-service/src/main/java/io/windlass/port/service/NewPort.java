package io.windlass.port.service;

import java.util.List;
import java.util.Map;

/**
 * A port to create, its attributes decided (and allowed) by the caller.
 *
 * @param fixedIps       null: one address from the network's subnets as Neutron picks them; empty: none
 * @param macAddress     null: generated
 * @param securityGroups null: the project's default group
 */
public record NewPort(String networkId, String projectId, String name, String description, boolean adminStateUp,
                      String macAddress, List<IpRequest> fixedIps, String deviceId, String deviceOwner,
                      String bindingHostId, String bindingVnicType, Map<String, Object> bindingProfile,
                      boolean portSecurityEnabled, List<String> securityGroups) {
}

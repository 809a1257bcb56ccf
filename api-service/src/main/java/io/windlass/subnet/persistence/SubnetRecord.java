package io.windlass.subnet.persistence;

import java.util.List;
import java.util.Map;

/**
 * A subnet row.
 *
 * @param gatewayIp       null for a subnet without a gateway
 * @param allocationPools [{"start", "end"}]
 * @param hostRoutes      [{"destination", "nexthop"}]
 */
public record SubnetRecord(String id, String networkId, String projectId, String name, String description,
                           int ipVersion, String cidr, String gatewayIp, List<Map<String, String>> allocationPools,
                           boolean enableDhcp, List<String> dnsNameservers, List<Map<String, String>> hostRoutes,
                           String ipv6AddressMode, String ipv6RaMode, String createdAt, String updatedAt,
                           int revisionNumber) {
}

package io.windlass.securitygroup.persistence;

/**
 * A security group rule row; null members are "any".
 *
 * @param protocol a name (tcp, udp, icmp, ...) or a number as given
 */
public record SecurityGroupRuleRecord(String id, String securityGroupId, String projectId, String direction,
                                      String ethertype, String protocol, Integer portRangeMin, Integer portRangeMax,
                                      String remoteIpPrefix, String remoteGroupId, String description,
                                      String createdAt, String updatedAt, int revisionNumber) {
}

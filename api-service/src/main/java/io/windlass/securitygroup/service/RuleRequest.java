package io.windlass.securitygroup.service;

/** A security group rule as the request gave it (null: not given). */
public record RuleRequest(String direction, String ethertype, String protocol, Integer portRangeMin,
                          Integer portRangeMax, String remoteIpPrefix, String remoteGroupId) {
}

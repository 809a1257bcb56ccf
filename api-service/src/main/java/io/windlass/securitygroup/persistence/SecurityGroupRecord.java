package io.windlass.securitygroup.persistence;

import java.util.List;

/** A security group row with its rules. */
public record SecurityGroupRecord(String id, String projectId, String name, String description, boolean isDefault,
                                  boolean stateful, List<SecurityGroupRuleRecord> rules, String createdAt,
                                  String updatedAt, int revisionNumber) {
}

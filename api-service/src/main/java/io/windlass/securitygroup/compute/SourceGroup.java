package io.windlass.securitygroup.compute;

/** What a rule on a source group shows of it: Nova's {@code group: {name, tenant_id}}. */
public record SourceGroup(String name, String tenantId) {
}

package io.windlass.usageaudit.service;

import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.host.persistence.ComputeHostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The instance usage audit logs Nova's {@code os-instance_usage_audit_log} reports. Nova's compute
 * hosts write one when their {@code instance_usage_audit} periodic task runs (off unless
 * {@code instance_usage_audit = True}; it sends the {@code compute.instance.exists} notifications
 * billing systems read). Windlass has no such task and sends no such notifications, so no host has a
 * log: every compute host is reported as not having run for the period, which is what Nova answers
 * with the task off.
 */
@ApplicationScoped
public class UsageAuditLogs {
    private final ComputeHostRepository hosts;

    public UsageAuditLogs(ComputeHostRepository hosts) {
        this.hosts = hosts;
    }

    /** The log of the last period completed now. */
    public UsageAuditLog latest() {
        return before(LocalDateTime.now(ZoneOffset.UTC));
    }

    /** The log of the last period completed before {@code before} (UTC). */
    @Transactional
    public UsageAuditLog before(LocalDateTime before) {
        List<String> names = hosts.list().stream().map(ComputeHostRecord::host).sorted().toList();
        return new UsageAuditLog(AuditPeriod.lastCompletedBefore(before), names, List.of());
    }
}

package io.windlass.usageaudit.service;

import java.util.List;

/**
 * Nova's instance usage audit log for one period ({@code _get_audit_task_logs}): which compute
 * hosts ran the {@code instance_usage_audit} task for it, how far, and what they counted.
 *
 * @param hosts     every compute host, disabled ones included (they may hold instances)
 * @param hostLogs  the task log of each host that ran the task for the period
 */
public record UsageAuditLog(AuditPeriod period, List<String> hosts, List<HostAuditLog> hostLogs) {
    /** One host's task log for the period. */
    public record HostAuditLog(String host, String state, int instances, int errors, String message) {
    }

    public long done() {
        return hostLogs.stream().filter(l -> l.state().equals("DONE")).count();
    }

    public long running() {
        return hostLogs.stream().filter(l -> l.state().equals("RUNNING")).count();
    }

    /** The hosts with no task log for the period, in host order. */
    public List<String> notRun() {
        return hosts.stream().filter(h -> hostLogs.stream().noneMatch(l -> l.host().equals(h))).toList();
    }

    public int totalErrors() {
        return hostLogs.stream().mapToInt(HostAuditLog::errors).sum();
    }

    public int totalInstances() {
        return hostLogs.stream().mapToInt(HostAuditLog::instances).sum();
    }

    /** Nova's words: {@code "ALL hosts done. 0 errors."} or {@code "1 of 3 hosts done. 0 errors."}. */
    public String overallStatus() {
        String done = done() == hosts.size() ? "ALL" : done() + " of " + hosts.size();
        return done + " hosts done. " + totalErrors() + " errors.";
    }
}

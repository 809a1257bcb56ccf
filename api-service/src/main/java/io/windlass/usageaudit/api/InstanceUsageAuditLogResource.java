package io.windlass.usageaudit.api;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.usageaudit.service.AuditTimestamp;
import io.windlass.usageaudit.service.UsageAuditLog;
import io.windlass.usageaudit.service.UsageAuditLogs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's {@code /v2.1/os-instance_usage_audit_log} ({@code nova/api/openstack/compute/instance_usage_audit_log.py}),
 * admins only: the audit log of the last completed period, or of the last one completed before a
 * timestamp. The show answer is the index answer under a singular key.
 */
@Path("/compute/v2.1/os-instance_usage_audit_log")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceUsageAuditLogResource {
    private final UsageAuditLogs logs;
    private final ComputePolicy policy;
    private final CurrentRequestContext context;

    public InstanceUsageAuditLogResource(UsageAuditLogs logs, ComputePolicy policy, CurrentRequestContext context) {
        this.logs = logs;
        this.policy = policy;
        this.context = context;
    }

    @GET
    public Map<String, Object> index() {
        policy.authorize(ComputePolicy.USAGE_AUDIT_LOG_LIST, context.get());
        return Map.of("instance_usage_audit_logs", view(logs.latest()));
    }

    @GET
    @Path("/{before_timestamp}")
    public Map<String, Object> show(@PathParam("before_timestamp") String before) {
        policy.authorize(ComputePolicy.USAGE_AUDIT_LOG_SHOW, context.get());
        return Map.of("instance_usage_audit_log", view(logs.before(AuditTimestamp.parse(before).value())));
    }

    private static Map<String, Object> view(UsageAuditLog log) {
        Map<String, Object> hostLogs = new LinkedHashMap<>();
        for (UsageAuditLog.HostAuditLog host : log.hostLogs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("state", host.state());
            entry.put("instances", host.instances());
            entry.put("errors", host.errors());
            entry.put("message", host.message());
            hostLogs.put(host.host(), entry);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("period_beginning", log.period().beginningText());
        view.put("period_ending", log.period().endingText());
        view.put("num_hosts", log.hosts().size());
        view.put("num_hosts_done", log.done());
        view.put("num_hosts_running", log.running());
        view.put("num_hosts_not_run", log.notRun().size());
        view.put("hosts_not_run", log.notRun());
        view.put("total_instances", log.totalInstances());
        view.put("total_errors", log.totalErrors());
        view.put("overall_status", log.overallStatus());
        view.put("log", hostLogs);
        return view;
    }
}

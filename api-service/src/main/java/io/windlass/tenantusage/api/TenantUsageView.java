package io.windlass.tenantusage.api;

import io.windlass.tenantusage.service.ServerUsage;
import io.windlass.tenantusage.service.TenantUsage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's usage views: times as its JSON writes a naive UTC datetime, with microseconds. */
final class TenantUsageView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private TenantUsageView() {
    }

    static Map<String, Object> tenant(TenantUsage usage) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tenant_id", usage.tenantId());
        if (usage.serverUsages() != null) {
            view.put("server_usages", usage.serverUsages().stream().map(TenantUsageView::server).toList());
        }
        view.put("total_local_gb_usage", usage.totalLocalGbUsage());
        view.put("total_vcpus_usage", usage.totalVcpusUsage());
        view.put("total_memory_mb_usage", usage.totalMemoryMbUsage());
        view.put("total_hours", usage.totalHours());
        view.put("start", time(usage.start()));
        view.put("stop", time(usage.stop()));
        return view;
    }

    static Map<String, Object> server(ServerUsage usage) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hours", usage.hours());
        view.put("flavor", usage.flavor());
        view.put("instance_id", usage.instanceId().toString());
        view.put("name", usage.name());
        view.put("tenant_id", usage.tenantId());
        view.put("memory_mb", usage.memoryMb());
        view.put("local_gb", usage.localGb());
        view.put("vcpus", usage.vcpus());
        view.put("started_at", time(usage.startedAt()));
        view.put("ended_at", usage.endedAt() == null ? null : time(usage.endedAt()));
        view.put("state", usage.state());
        view.put("uptime", usage.uptime());
        return view;
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}

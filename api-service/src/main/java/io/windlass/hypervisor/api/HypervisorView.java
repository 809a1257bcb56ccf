package io.windlass.hypervisor.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.compute.api.ComputeApiVersions;
import io.windlass.hypervisor.persistence.HostedServer;
import io.windlass.hypervisor.service.Hypervisor;
import io.windlass.hypervisor.service.HypervisorStatistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nova's hypervisor views ({@code HypervisorsController._view_hypervisor}) at a microversion. */
final class HypervisorView {
    private HypervisorView() {
    }

    /** {@code id}, {@code hypervisor_hostname}, {@code state}, {@code status}. */
    static Map<String, Object> basic(Hypervisor h, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", uuids(version) ? h.uuid().toString() : h.id());
        view.put("hypervisor_hostname", h.hostname());
        view.put("state", h.up() ? "up" : "down");
        view.put("status", h.disabled() ? "disabled" : "enabled");
        return view;
    }

    /**
     * The detail view: type, version, address and service; before 2.88 the inventory and
     * {@code cpu_info} (no agent reports its CPU model: Nova's empty form, {@code ""} then
     * {@code {}} from 2.28), from 2.88 {@code uptime} instead.
     */
    static Map<String, Object> detail(Hypervisor h, ApiVersion version) {
        Map<String, Object> view = basic(h, version);
        view.put("hypervisor_type", h.type());
        view.put("hypervisor_version", Hypervisor.UNKNOWN_VERSION);
        view.put("host_ip", h.hostIp());
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", uuids(version) ? h.uuid().toString() : h.id());
        service.put("host", h.hostname());
        service.put("disabled_reason", h.disabledReason());
        view.put("service", service);
        if (!version.isAtLeast(ComputeApiVersions.HYPERVISOR_WITHOUT_INVENTORY)) {
            view.put("vcpus", h.vcpus());
            view.put("memory_mb", h.memoryMb());
            view.put("local_gb", h.localGb());
            view.put("vcpus_used", h.vcpusUsed());
            view.put("memory_mb_used", h.memoryMbUsed());
            view.put("local_gb_used", h.localGbUsed());
            view.put("free_ram_mb", h.freeRamMb());
            view.put("free_disk_gb", h.freeDiskGb());
            view.put("current_workload", h.currentWorkload());
            view.put("running_vms", h.runningVms());
            view.put("disk_available_least", h.diskAvailableLeast());
            view.put("cpu_info", version.isAtLeast(ComputeApiVersions.HYPERVISOR_CPU_INFO_OBJECT) ? Map.of() : "");
        } else {
            view.put("uptime", h.uptime());
        }
        return view;
    }

    /**
     * {@code servers} when the host has any; an empty list when they were asked for
     * ({@code with_servers}) from 2.75; else nothing.
     */
    static Map<String, Object> withServers(Map<String, Object> view, List<HostedServer> servers, boolean asked,
                                           ApiVersion version) {
        if (!servers.isEmpty()) {
            view.put("servers", servers.stream().map(s -> Map.of("name", s.name(), "uuid", s.uuid().toString()))
                    .toList());
        } else if (asked && version.isAtLeast(ComputeApiVersions.CONSISTENT_RESPONSES)) {
            view.put("servers", List.of());
        }
        return view;
    }

    static Map<String, Object> statistics(HypervisorStatistics s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", s.count());
        view.put("current_workload", s.currentWorkload());
        view.put("disk_available_least", s.diskAvailableLeast());
        view.put("free_disk_gb", s.freeDiskGb());
        view.put("free_ram_mb", s.freeRamMb());
        view.put("local_gb", s.localGb());
        view.put("local_gb_used", s.localGbUsed());
        view.put("memory_mb", s.memoryMb());
        view.put("memory_mb_used", s.memoryMbUsed());
        view.put("running_vms", s.runningVms());
        view.put("vcpus", s.vcpus());
        view.put("vcpus_used", s.vcpusUsed());
        return Map.of("hypervisor_statistics", view);
    }

    private static boolean uuids(ApiVersion version) {
        return version.isAtLeast(ComputeApiVersions.HYPERVISOR_UUIDS);
    }
}

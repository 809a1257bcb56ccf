package io.windlass.server.api;

import io.windlass.server.ServerDiagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's two answers to {@code GET /servers/{id}/diagnostics}, made of what the server's host read. */
final class ServerDiagnosticsView {
    /**
     * Nova's {@code driver} is an enum of its virt drivers (libvirt, xenapi, vmwareapi, ironic; Tempest's
     * schema adds hyperv) with no container engine in it, and its schemas refuse anything else. Nova
     * runs Linux containers as guests only through libvirt (virt_type lxc), so "libvirt" is the nearest
     * true value; {@code hypervisor} names the engine that really runs the server ({@code docker}).
     */
    static final String DRIVER = "libvirt";
    private static final long KIB_PER_MIB = 1024;

    private ServerDiagnosticsView() {
    }

    /**
     * From 2.48: Nova's standard diagnostics ({@code views/server_diagnostics.py}), every field present,
     * null where the host has no figure; the counts are those of the lists, as Nova's object counts them.
     */
    static Map<String, Object> standard(ServerDiagnostics d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", d.state().novaName());
        view.put("driver", DRIVER);
        view.put("hypervisor", d.hypervisor());
        view.put("hypervisor_os", d.hypervisorOs());
        view.put("uptime", d.uptime());
        view.put("config_drive", d.configDrive());
        view.put("num_cpus", d.cpus().size());
        view.put("num_nics", d.nics().size());
        view.put("num_disks", d.disks().size());
        view.put("disk_details", d.disks().stream().map(disk -> fields(
                "read_bytes", disk.readBytes(), "read_requests", disk.readRequests(),
                "write_bytes", disk.writeBytes(), "write_requests", disk.writeRequests(),
                "errors_count", disk.errors())).toList());
        view.put("cpu_details", d.cpus().stream().map(cpu -> fields(
                "id", cpu.id(), "time", cpu.timeNs(), "utilisation", cpu.utilisation())).toList());
        // no host measures rates (nor does Nova's libvirt driver): rx_rate and tx_rate are always null
        view.put("nic_details", d.nics().stream().map(nic -> fields(
                "mac_address", nic.macAddress(), "rx_octets", nic.rxOctets(), "rx_errors", nic.rxErrors(),
                "rx_drop", nic.rxDrop(), "rx_packets", nic.rxPackets(), "rx_rate", null,
                "tx_octets", nic.txOctets(), "tx_errors", nic.txErrors(), "tx_drop", nic.txDrop(),
                "tx_packets", nic.txPackets(), "tx_rate", null)).toList());
        view.put("memory_details", fields("maximum", d.memory().maximumMib(), "used", d.memory().usedMib()));
        return view;
    }

    /**
     * Before 2.48: a driver's own figures. These are named as Nova's libvirt driver names its
     * ({@code get_diagnostics}: {@code cpu0_time}, {@code <disk>_read}, {@code <interface>_rx},
     * {@code memory} and {@code memory-<stat>} in KiB), by the host's names of the disks and
     * interfaces; a figure the host does not have is left out, as libvirt leaves out what it cannot read.
     */
    static Map<String, Object> freeForm(ServerDiagnostics d) {
        Map<String, Object> view = new LinkedHashMap<>();
        d.cpus().forEach(cpu -> putKnown(view, "cpu" + cpu.id() + "_time", cpu.timeNs()));
        for (ServerDiagnostics.Disk disk : d.disks()) {
            putKnown(view, disk.name() + "_read_req", disk.readRequests());
            putKnown(view, disk.name() + "_read", disk.readBytes());
            putKnown(view, disk.name() + "_write_req", disk.writeRequests());
            putKnown(view, disk.name() + "_write", disk.writeBytes());
            putKnown(view, disk.name() + "_errors", disk.errors());
        }
        for (ServerDiagnostics.Nic nic : d.nics()) {
            putKnown(view, nic.name() + "_rx", nic.rxOctets());
            putKnown(view, nic.name() + "_rx_packets", nic.rxPackets());
            putKnown(view, nic.name() + "_rx_errors", nic.rxErrors());
            putKnown(view, nic.name() + "_rx_drop", nic.rxDrop());
            putKnown(view, nic.name() + "_tx", nic.txOctets());
            putKnown(view, nic.name() + "_tx_packets", nic.txPackets());
            putKnown(view, nic.name() + "_tx_errors", nic.txErrors());
            putKnown(view, nic.name() + "_tx_drop", nic.txDrop());
        }
        Long maximum = d.memory().maximumMib();
        putKnown(view, "memory", maximum == null ? null : maximum * KIB_PER_MIB);
        // libvirt's balloon "actual": the guest has all its memory, nothing is ballooned away
        putKnown(view, "memory-actual", maximum == null ? null : maximum * KIB_PER_MIB);
        // libvirt's "rss" is what the guest holds of the host's memory: here the container's use
        putKnown(view, "memory-rss", d.memory().usedMib() == null ? null : d.memory().usedMib() * KIB_PER_MIB);
        return view;
    }

    private static void putKnown(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }

    /** Name-value pairs in order, nulls kept (Map.of refuses them, and Nova's schema requires every key). */
    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

package io.windlass.hypervisor.service;

import io.windlass.host.service.ComputeService;
import io.windlass.hypervisor.persistence.HypervisorRecord;

import java.util.UUID;

/**
 * A compute host as one of Nova's hypervisors, with the integer figures Nova's compute node has.
 * Windlass keeps one node per host, so the node's hostname is the host's name.
 *
 * @param up     heartbeat within {@code windlass.service-down-time} (Nova's {@code service_is_up})
 * @param uptime {@link HostUptime} of the host while it is up, else null (Nova has none for a down host)
 */
public record Hypervisor(HypervisorRecord record, boolean up, String uptime) {
    /**
     * Nova's {@code hypervisor_version} is the driver's version as an integer; agents do not report
     * their engine's version, so there is nothing truthful to give but 0.
     */
    public static final int UNKNOWN_VERSION = 0;
    /** Claimed CPUs are fractional sums; this absorbs their float noise before rounding up. */
    private static final double EPSILON = 1e-9;

    /** The id before 2.53 (the host's row id, which os-services also shows before 2.53). */
    public long id() {
        return record.service().id();
    }

    /**
     * The id from 2.53: the host's os-services uuid. Nova's compute node uuid differs from its
     * service's; here a host is its one node, so one uuid names both.
     */
    public UUID uuid() {
        return ComputeService.uuidOf(hostname());
    }

    public String hostname() {
        return record.service().host();
    }

    public boolean disabled() {
        return record.service().disabled();
    }

    public String disabledReason() {
        return record.service().disabledReason();
    }

    /** The agent's compute driver ({@code docker}, {@code fake}), as Nova names its virt driver's type. */
    public String type() {
        return record.driver();
    }

    /** The host's address between hosts (its tunnel endpoint), the one address of it Windlass knows; or null. */
    public String hostIp() {
        return record.hostIp();
    }

    /** Whole CPUs offered (an operator may offer fractions; Nova's field is an integer). */
    public long vcpus() {
        return (long) Math.floor(record.vcpus() + EPSILON);
    }

    /** CPUs claimed, rounded up: a host running half a CPU's worth of containers has a CPU in use. */
    public long vcpusUsed() {
        return (long) Math.ceil(record.vcpusUsed() - EPSILON);
    }

    public long memoryMb() {
        return record.memoryMb();
    }

    public long memoryMbUsed() {
        return record.memoryMbUsed();
    }

    /** Negative when claims overcommit memory, as in Nova. */
    public long freeRamMb() {
        return memoryMb() - memoryMbUsed();
    }

    public long localGb() {
        return record.diskGb();
    }

    public long localGbUsed() {
        return record.diskGbUsed();
    }

    public long freeDiskGb() {
        return localGb() - localGbUsed();
    }

    /** Servers on the host (Nova's {@code running_vms} counts its instances, whatever their state). */
    public long runningVms() {
        return record.servers();
    }

    /** Servers on the host with a task under way (Nova's {@code current_workload}). */
    public long currentWorkload() {
        return record.serversBusy();
    }

    /**
     * Nova's driver measures the disk it could still hand out at worst; agents measure no free disk,
     * so this is null (Nova's schema allows it), and 0 in the statistics' sum as in Nova.
     */
    public Long diskAvailableLeast() {
        return null;
    }
}

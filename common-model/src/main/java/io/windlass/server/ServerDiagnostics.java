package io.windlass.server;

import java.util.List;

/**
 * What a server's host reads of it for Nova's {@code GET /servers/{id}/diagnostics} (compute RPC
 * {@code server_diagnostics}, 1.24): the figures of Nova's standard diagnostics
 * ({@code nova/objects/diagnostics.py}), each null where the engine has none, as Nova's drivers leave
 * theirs unset; and the names of the interfaces and disks, which the free-form answer before 2.48
 * keys its figures by (libvirt's {@code vnet0_rx}, {@code vda_read}).
 *
 * @param state        the engine's power state of the server
 * @param hypervisor   the engine that runs it ({@code docker}, {@code fake}): the hypervisors API's {@code hypervisor_type}
 * @param hypervisorOs the engine's operating system ({@code linux}), or null
 * @param uptime       seconds since the guest last started, or null
 * @param configDrive  whether the guest has a config drive
 * @param memory       its memory
 * @param cpus         one per vCPU of its flavor
 * @param nics         one per network interface of the guest
 * @param disks        one per disk the guest writes to
 */
public record ServerDiagnostics(PowerState state, String hypervisor, String hypervisorOs, Long uptime,
                                boolean configDrive, Memory memory, List<Cpu> cpus, List<Nic> nics,
                                List<Disk> disks) {
    public ServerDiagnostics {
        memory = memory == null ? new Memory(null, null) : memory;
        cpus = cpus == null ? List.of() : List.copyOf(cpus);
        nics = nics == null ? List.of() : List.copyOf(nics);
        disks = disks == null ? List.of() : List.copyOf(disks);
    }

    /**
     * @param maximumMib the memory the guest may use, MiB (its flavor's RAM)
     * @param usedMib    the memory it uses, MiB
     */
    public record Memory(Long maximumMib, Long usedMib) {
    }

    /**
     * @param id          the vCPU's number, from 0
     * @param timeNs      CPU time it used, nanoseconds
     * @param utilisation its use now, percent
     */
    public record Cpu(int id, Long timeNs, Integer utilisation) {
    }

    /**
     * The counters of one interface since it came up.
     *
     * @param name       the guest's name of it ({@code eth0})
     * @param macAddress its MAC, or null when the host cannot tell which interface has which
     */
    public record Nic(String name, String macAddress, Long rxOctets, Long rxErrors, Long rxDrop, Long rxPackets,
                      Long txOctets, Long txErrors, Long txDrop, Long txPackets) {
    }

    /**
     * The block I/O of one disk.
     *
     * @param name   names it in the answer before 2.48
     * @param errors errors counted, or null when the engine counts none
     */
    public record Disk(String name, Long readBytes, Long readRequests, Long writeBytes, Long writeRequests,
                       Long errors) {
    }
}

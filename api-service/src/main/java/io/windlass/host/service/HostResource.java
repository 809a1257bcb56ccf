package io.windlass.host.service;

import io.windlass.host.persistence.HostClaim;
import io.windlass.hypervisor.service.Hypervisor;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code resource} row of Nova's {@code GET /os-hosts/{host}} ({@code HostController.show}):
 * the host's capacity under {@code (total)}, what it has claimed under {@code (used_now)}, what its
 * workloads hold under {@code (used_max)}, then one row per project holding anything.
 *
 * @param project a project id, or one of the parenthesised summary names
 */
public record HostResource(String host, String project, long cpu, long memoryMb, long diskGb) {
    public static final String TOTAL = "(total)";
    public static final String USED_NOW = "(used_now)";
    public static final String USED_MAX = "(used_max)";
    /** Claimed CPUs are fractional sums; this absorbs their float noise before rounding up. */
    private static final double EPSILON = 1e-9;

    /**
     * The rows Nova shows, in its order. Nova takes {@code (used_now)} from the resource tracker's
     * compute node and {@code (used_max)} and the projects from the instances' flavors; here the
     * first is the host's claim counters (as os-hypervisors shows them) and the others the claims of
     * each server, container and capsule on it, so the two agree unless a claim is being made or
     * released while this is read.
     */
    public static List<HostResource> of(Hypervisor host, List<HostClaim> claims) {
        String name = host.hostname();
        List<HostResource> rows = new ArrayList<>();
        rows.add(new HostResource(name, TOTAL, host.vcpus(), host.memoryMb(), host.localGb()));
        rows.add(new HostResource(name, USED_NOW, host.vcpusUsed(), host.memoryMbUsed(), host.localGbUsed()));
        rows.add(new HostResource(name, USED_MAX, cpus(claims.stream().mapToDouble(HostClaim::vcpus).sum()),
                claims.stream().mapToLong(HostClaim::memoryMb).sum(),
                claims.stream().mapToLong(HostClaim::diskGb).sum()));
        for (HostClaim claim : claims) {
            // Nova's instances always have a project; a claim without one is counted above only
            if (claim.projectId() != null) {
                rows.add(new HostResource(name, claim.projectId(), cpus(claim.vcpus()), claim.memoryMb(),
                        claim.diskGb()));
            }
        }
        return rows;
    }

    /** Nova's figure is a whole number of CPUs: half a CPU's worth of containers holds a CPU. */
    private static long cpus(double claimed) {
        return (long) Math.ceil(claimed - EPSILON);
    }
}

package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Zun's CpuSetFilter: a container with {@code cpu_policy: dedicated} goes only to hosts with as many
 * CPUs that no other pinned container holds, as the host last reported them less what this scheduler
 * has placed there since. Reports lag, so two schedulers can still both send a dedicated container to
 * the last free CPUs; the host's driver, which picks the CPUs under its own lock, then refuses the
 * second with the reason (Zun's claim on the compute host plays that part there).
 */
public class CpuSetFilter implements HostFilter {
    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        return request.dedicatedCpus() == 0 || host.engine().freeDedicatedCpus() >= request.dedicatedCpus();
    }
}

package io.windlass.scheduler.host;

import java.util.Set;

/**
 * What a host's engine offers beyond capacity, as its agent last reported it.
 *
 * @param runtimes          the engine's container runtimes by name
 * @param freeDedicatedCpus CPUs that no pinned ({@code cpu_policy: dedicated}) container holds
 */
public record EngineFeatures(Set<String> runtimes, int freeDedicatedCpus) {
    /**
     * An agent older than these reports: only the engine's default runtime, and nothing known to be
     * free to pin, so that no dedicated container is sent where it cannot be told apart from a full host.
     */
    public static final EngineFeatures UNREPORTED = new EngineFeatures(Set.of("runc"), 0);

    public EngineFeatures {
        runtimes = Set.copyOf(runtimes);
    }

    /** After one more dedicated workload of this decision took {@code cpus} of them. */
    EngineFeatures pinning(int cpus) {
        return cpus == 0 ? this : new EngineFeatures(runtimes, freeDedicatedCpus - cpus);
    }
}

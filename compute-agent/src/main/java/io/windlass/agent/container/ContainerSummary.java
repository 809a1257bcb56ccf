package io.windlass.agent.container;

import java.util.Set;

/**
 * A managed container in a listing.
 *
 * @param uuid       Windlass uuid
 * @param engineId   engine's own id
 * @param running    its process runs (running, paused or restarting)
 * @param pinnedCpus the host CPUs it holds alone ({@code cpu_policy: dedicated}); empty when shared
 */
public record ContainerSummary(String uuid, String engineId, boolean running, Set<Integer> pinnedCpus) {

    public ContainerSummary {
        pinnedCpus = Set.copyOf(pinnedCpus);
    }
}

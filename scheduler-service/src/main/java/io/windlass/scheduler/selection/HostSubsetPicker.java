package io.windlass.scheduler.selection;

import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.weigher.WeightedHost;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Orders ranked hosts for claiming: a random one of the best {@code subsetSize} first (so that
 * concurrent schedulers do not all race for the single best host), then the rest by rank.
 */
public class HostSubsetPicker {
    private final int subsetSize;
    private final RandomGenerator random;

    public HostSubsetPicker(int subsetSize, RandomGenerator random) {
        this.subsetSize = Math.max(1, subsetSize);
        this.random = random;
    }

    public List<HostCandidate> claimOrder(List<WeightedHost> ranked) {
        List<HostCandidate> order = new ArrayList<>(ranked.stream().map(WeightedHost::host).toList());
        if (order.size() > 1) {
            int chosen = random.nextInt(Math.min(subsetSize, order.size()));
            order.addFirst(order.remove(chosen));
        }
        return order;
    }
}

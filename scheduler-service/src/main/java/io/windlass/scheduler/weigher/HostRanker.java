package io.windlass.scheduler.weigher;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders hosts by combined weight, best first, normalising each weigher to 0..1 as Nova does. */
public class HostRanker {
    private final List<HostWeigher> weighers;

    public HostRanker(List<HostWeigher> weighers) {
        this.weighers = List.copyOf(weighers);
    }

    public List<WeightedHost> rank(List<HostCandidate> hosts, ResourceRequest request) {
        double[] totals = new double[hosts.size()];
        for (HostWeigher weigher : weighers) {
            if (weigher.multiplier() == 0.0) {
                continue;
            }
            double[] raw = hosts.stream().mapToDouble(h -> weigher.rawWeight(h, request)).toArray();
            double[] normalised = normalise(raw);
            for (int i = 0; i < totals.length; i++) {
                totals[i] += weigher.multiplier() * normalised[i];
            }
        }
        List<WeightedHost> ranked = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            ranked.add(new WeightedHost(hosts.get(i), totals[i]));
        }
        // stable sort: equal weights keep the input (host name) order, so ties are deterministic
        ranked.sort(Comparator.comparingDouble(WeightedHost::weight).reversed());
        return ranked;
    }

    /** Min-max to 0..1; all-equal values carry no preference and become 0. */
    static double[] normalise(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        double[] out = new double[values.length];
        if (range == 0.0) {
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - min) / range;
        }
        return out;
    }
}

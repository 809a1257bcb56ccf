package io.windlass.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A benchmark's latency samples by step, in the order the steps first ran. */
public final class Samples {
    private final Map<String, List<Duration>> byStep = new LinkedHashMap<>();

    /**
     * Runs {@code step} and records how long it took under {@code name}, unless the round is untimed
     * (a warm-up: first-call costs stay out of the figures).
     */
    public <T> T time(String name, boolean timed, Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        if (timed) {
            byStep.computeIfAbsent(name, k -> new ArrayList<>()).add(Duration.ofNanos(System.nanoTime() - start));
        }
        return result;
    }

    /** The samples of each step, in the order the steps first ran. */
    public Map<String, List<Duration>> byStep() {
        return byStep;
    }
}

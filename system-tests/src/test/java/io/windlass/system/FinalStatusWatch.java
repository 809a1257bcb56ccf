package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One observer for many workloads, as a client that starts twenty at once watches them: it notes
 * when each first shows a final status, and the benchmarks time each create up to that moment.
 * How the observer learns of the statuses is its subclass's: by listing ({@link ListWatch}) or by
 * the Watch API's stream ({@link StreamWatch}).
 */
public abstract class FinalStatusWatch implements AutoCloseable {
    private final String id;
    private final Set<String> finals;
    /** Each workload's first final status, with when the observer learnt of it; guarded by itself. */
    private final Map<String, Seen> seen = new HashMap<>();
    private Throwable failure;

    private record Seen(String status, long nanoTime, JsonNode workload) {
    }

    /**
     * @param id     each workload's id member
     * @param finals the statuses a workload ends its create in
     */
    protected FinalStatusWatch(String id, Set<String> finals) {
        this.id = id;
        this.finals = Set.copyOf(finals);
    }

    /** The observer learnt at {@code nanoTime} ({@link System#nanoTime}) how {@code workload} is. */
    protected final void observed(JsonNode workload, long nanoTime) {
        String status = workload.path("status").asText();
        if (finals.contains(status)) {
            synchronized (seen) {
                if (seen.putIfAbsent(workload.path(id).asText(), new Seen(status, nanoTime, workload)) == null) {
                    seen.notifyAll();
                }
            }
        }
    }

    /** The observer cannot go on: whoever waits fails with this. */
    protected final void failed(Throwable cause) {
        synchronized (seen) {
            failure = cause;
            seen.notifyAll();
        }
    }

    /**
     * Waits until every workload of {@code started} was seen in a final status.
     *
     * @param started each workload's id and when its create was sent ({@link System#nanoTime})
     * @param ok      the final status of a create that worked; any other fails, with the workload as seen
     * @return each workload's time from its create to the moment it was first seen {@code ok}
     */
    public final List<Duration> latencies(Map<String, Long> started, String ok, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Duration> latencies = new ArrayList<>();
        synchronized (seen) {
            while (!seen.keySet().containsAll(started.keySet())) {
                if (failure != null) {
                    throw new AssertionError("the observer failed", failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("after " + timeout + " only " + seen.keySet().stream()
                            .filter(started::containsKey).count() + " of " + started.size() + " were final");
                }
                seen.wait(Math.max(1, left / 1_000_000));
            }
            started.forEach((workload, at) -> {
                Seen final_ = seen.get(workload);
                if (!ok.equals(final_.status())) {
                    throw new AssertionError(workload + " ended " + final_.status() + ": " + final_.workload());
                }
                latencies.add(Duration.ofNanos(final_.nanoTime() - at));
            });
        }
        return latencies;
    }
}

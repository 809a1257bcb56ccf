package io.windlass.rpc;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RPC handlers running in this process, each with the topic, method and time it started. A
 * handler that has run far longer than any should (every call it makes has a timeout) is a wedged
 * process: its consumer thread is lost, and with it a share of the prefetch. The liveness check
 * reports that ({@code RpcLivenessCheck}), so that the process is restarted and the message,
 * never acknowledged, delivered again.
 */
public final class RunningHandlers {
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();

    /**
     * One handler.
     *
     * @param startedNanos its start, as {@link System#nanoTime()}
     */
    public record Running(String topic, String method, long startedNanos) {
        public Duration runningFor(long nowNanos) {
            return Duration.ofNanos(nowNanos - startedNanos);
        }
    }

    /** @return the run's key for {@link #ended} */
    public long started(String topic, String method, long startedNanos) {
        long run = runs.incrementAndGet();
        running.put(run, new Running(topic, method, startedNanos));
        return run;
    }

    public void ended(long run) {
        running.remove(run);
    }

    /** The handler that has run longest, if any runs. */
    public Optional<Running> oldest() {
        return running.values().stream().min(Comparator.comparingLong(Running::startedNanos));
    }

    /** The oldest handler when it has run longer than {@code limit}: the process is wedged. */
    public Optional<Running> stuck(Duration limit, long nowNanos) {
        return oldest().filter(r -> r.runningFor(nowNanos).compareTo(limit) > 0);
    }
}

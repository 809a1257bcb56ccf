package io.windlass.console.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's timer for console sessions: their watches and the tear-down of their queues. Two
 * threads: the work is a passive queue declare or a queue delete per session every few seconds.
 */
@ApplicationScoped
public class ConsoleTimer {
    private final ScheduledExecutorService executor;

    public ConsoleTimer() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "console-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

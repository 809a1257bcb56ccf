package io.windlass.scheduler.host;

import io.windlass.scheduler.config.SchedulerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One cached host view per scheduler process, read through {@link ComputeHostReader}. */
@ApplicationScoped
public class HostStateCacheProducer {
    /** The refresh-ahead reads; one at a time, on a daemon thread so it never holds shutdown up. */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("host-state-refresh").daemon().factory());

    @Produces
    @Singleton
    HostStateCache hostStateCache(ComputeHostReader reader, SchedulerConfig config) {
        return new HostStateCache(reader::allHosts, config.hostStateCacheTtl(), System::nanoTime, refresher);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}

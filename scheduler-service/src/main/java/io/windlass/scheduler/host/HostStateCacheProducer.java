package io.windlass.scheduler.host;

import io.windlass.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One cached host view per scheduler process, read through {@link ComputeHostReader}. */
@ApplicationScoped
public class HostStateCacheProducer {

    @Produces
    @Singleton
    HostStateCache hostStateCache(ComputeHostReader reader, SchedulerConfig config) {
        return new HostStateCache(reader::allHosts, config.hostStateCacheTtl(), System::nanoTime);
    }
}

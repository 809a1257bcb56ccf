package io.windlass.aggregate.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * report_image_cache: logs each host's outcome with the progress of the whole request and
 * counts {@code windlass.aggregate.image_cache} by result. Progress is kept in memory: with
 * several conductor replicas each counts the reports it received, which is only a log detail.
 */
@ApplicationScoped
public class ImageCacheProgress {
    private static final Logger LOG = Logger.getLogger(ImageCacheProgress.class);
    static final String METRIC = "windlass.aggregate.image_cache";

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> hostsDone = new ConcurrentHashMap<>();

    public ImageCacheProgress(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(ImageCacheReport report) {
        for (ImageCacheResult result : ImageCacheResult.values()) {
            long n = report.count(result);
            if (n > 0) {
                count(registry, result.wire(), n);
            }
        }
        int done = hostsDone.computeIfAbsent(report.cacheId(), id -> new AtomicInteger()).incrementAndGet();
        if (done >= report.hostsTotal()) {
            hostsDone.remove(report.cacheId());
        }
        LOG.infof("aggregate %s: host %s cached %d, existing %d, error %d; %d/%d hosts done",
                report.aggregateName(), report.host(), report.count(ImageCacheResult.CACHED),
                report.count(ImageCacheResult.EXISTING), report.count(ImageCacheResult.ERROR), done,
                report.hostsTotal());
        for (ImageOutcome outcome : report.images()) {
            if (outcome.result() == ImageCacheResult.ERROR || outcome.result() == ImageCacheResult.UNSUPPORTED) {
                // an operator asked for this and it did not happen: worth a warning, not an error page
                LOG.warnf("aggregate %s: image %s not cached on host %s: %s", report.aggregateName(),
                        outcome.image(), report.host(), outcome.reason());
            }
        }
    }

    static void count(MeterRegistry registry, String result, long amount) {
        Counter.builder(METRIC).description("Images pre-cached on aggregate hosts, by outcome")
                .tag("result", result).register(registry).increment(amount);
    }
}

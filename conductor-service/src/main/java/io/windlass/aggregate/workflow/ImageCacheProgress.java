package io.windlass.aggregate.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Image pre-caching's progress (os-aggregates {@code cache_images}): logs each host's outcome with
 * the progress of the whole request, counts {@code windlass.aggregate.image_cache} images by
 * aggregate, host and result, and shows per aggregate how many hosts of its latest request have
 * answered ({@code windlass.aggregate.image_cache.hosts}, {@code state} done or pending). Progress is
 * kept in memory: with several conductor replicas each shows the requests it fanned out and the
 * reports it received, and a restarted conductor knows a request only from its next report.
 * Recording never fails the report it counts.
 */
@ApplicationScoped
public class ImageCacheProgress {
    private static final Logger LOG = Logger.getLogger(ImageCacheProgress.class);
    static final String METRIC = "windlass.aggregate.image_cache";
    static final String HOSTS = "windlass.aggregate.image_cache.hosts";

    /** The latest request of one aggregate: its id, the hosts it went to, and the hosts that answered. */
    private record Request(String cacheId, int hosts, int done) {
        Request answered() {
            return new Request(cacheId, hosts, Math.min(hosts, done + 1));
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Request> latest = new ConcurrentHashMap<>();

    public ImageCacheProgress(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A request went out to {@code hosts} hosts of the aggregate: its progress starts from none. */
    public void started(String aggregate, String cacheId, int hosts) {
        watch(aggregate);
        latest.put(aggregate, new Request(cacheId, hosts, 0));
    }

    /** Hosts of the aggregate that got no request, by why: {@code skipped} (down), {@code unsupported}. */
    public void notAsked(String aggregate, Iterable<String> hosts, String result, int images) {
        for (String host : hosts) {
            count(aggregate, host, result, images);
        }
    }

    public void record(ImageCacheReport report) {
        // the hosts' progress first, so that whoever sees this report's images counted sees its host done too
        watch(report.aggregateName());
        // a report of a request this replica did not fan out (or fanned out before a restart) starts its count
        Request now = latest.compute(report.aggregateName(), (aggregate, request) ->
                (request == null || !request.cacheId().equals(report.cacheId())
                        ? new Request(report.cacheId(), report.hostsTotal(), 0) : request).answered());
        for (ImageCacheResult result : ImageCacheResult.values()) {
            long n = report.count(result);
            if (n > 0) {
                count(report.aggregateName(), report.host(), result.wire(), n);
            }
        }
        LOG.infof("aggregate %s: host %s cached %d, existing %d, error %d; %d/%d hosts done",
                report.aggregateName(), report.host(), report.count(ImageCacheResult.CACHED),
                report.count(ImageCacheResult.EXISTING), report.count(ImageCacheResult.ERROR), now.done(),
                report.hostsTotal());
        for (ImageOutcome outcome : report.images()) {
            if (outcome.result() == ImageCacheResult.ERROR || outcome.result() == ImageCacheResult.UNSUPPORTED) {
                // an operator asked for this and it did not happen: worth a warning, not an error page
                LOG.warnf("aggregate %s: image %s not cached on host %s: %s", report.aggregateName(),
                        outcome.image(), report.host(), outcome.reason());
            }
        }
    }

    /** Hosts of the aggregate's latest request that have answered, or not yet. */
    double hosts(String aggregate, boolean done) {
        Request request = latest.get(aggregate);
        return request == null ? 0 : done ? request.done() : request.hosts() - request.done();
    }

    private void watch(String aggregate) {
        try {
            for (boolean done : new boolean[] {true, false}) {
                Gauge.builder(HOSTS, this, p -> p.hosts(aggregate, done))
                        .description("Hosts of the latest image pre-cache request that answered, or not yet")
                        .tags("aggregate", aggregate, "state", done ? "done" : "pending").register(registry);
            }
        } catch (RuntimeException e) {
            LOG.debugf("image cache progress of %s not shown: %s", aggregate, e);
        }
    }

    private void count(String aggregate, String host, String result, long images) {
        try {
            Counter.builder(METRIC).description("Images pre-cached on aggregate hosts, by aggregate, host and outcome")
                    .tags("aggregate", aggregate, "host", host, "result", result).register(registry)
                    .increment(images);
        } catch (RuntimeException e) {
            LOG.debugf("image cache outcome on %s not counted: %s", host, e);
        }
    }
}

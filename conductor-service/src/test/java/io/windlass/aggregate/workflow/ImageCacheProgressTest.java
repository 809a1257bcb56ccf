package io.windlass.aggregate.workflow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageCacheProgressTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ImageCacheProgress progress = new ImageCacheProgress(registry);

    @Test
    void theLatestRequestOfAnAggregateShowsItsHostsDoneAndPending() {
        progress.started("gpu", "c1", 3);
        assertEquals(3.0, hosts("gpu", "pending"));

        progress.record(report("c1", "h1", ImageCacheResult.CACHED, ImageCacheResult.EXISTING));
        progress.record(report("c1", "h2", ImageCacheResult.ERROR));

        assertEquals(2.0, hosts("gpu", "done"));
        assertEquals(1.0, hosts("gpu", "pending"));
        assertEquals(1.0, images("h1", "cached"));
        assertEquals(1.0, images("h1", "existing"));
        assertEquals(1.0, images("h2", "error"));

        // a new request starts again from none
        progress.started("gpu", "c2", 2);
        assertEquals(0.0, hosts("gpu", "done"));
        assertEquals(2.0, hosts("gpu", "pending"));
    }

    @Test
    void aReportOfARequestThisReplicaDidNotSendStartsItsCount() {
        progress.record(report("other", "h9", ImageCacheResult.CACHED));

        assertEquals(1.0, hosts("gpu", "done"));
        assertEquals(1.0, hosts("gpu", "pending"));
    }

    @Test
    void hostsNotAskedCountEveryImageTheyDidNotGet() {
        progress.notAsked("gpu", List.of("down1", "down2"), "skipped", 3);

        assertEquals(3.0, images("down1", "skipped"));
        assertEquals(3.0, images("down2", "skipped"));
    }

    private static ImageCacheReport report(String cacheId, String host, ImageCacheResult... results) {
        return new ImageCacheReport(cacheId, 7, "gpu", 2, host, java.util.Arrays.stream(results)
                .map(r -> new ImageOutcome("img-" + r.wire(), r, null)).toList());
    }

    private double hosts(String aggregate, String state) {
        return registry.get(ImageCacheProgress.HOSTS).tags("aggregate", aggregate, "state", state).gauge().value();
    }

    private double images(String host, String result) {
        return registry.get(ImageCacheProgress.METRIC).tags("aggregate", "gpu", "host", host, "result", result)
                .counter().count();
    }
}

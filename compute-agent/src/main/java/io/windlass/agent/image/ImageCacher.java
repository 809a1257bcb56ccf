package io.windlass.agent.image;

import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheHostImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageCacheReport.ImageOutcome;
import io.windlass.image.ImageCacheResult;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * cache_images: makes sure each requested image is on this host and reports per-image
 * outcomes to the conductor. One image failing does not stop the others.
 */
public final class ImageCacher {
    private static final Logger LOG = Logger.getLogger(ImageCacher.class);

    private final ContainerDriver driver;
    private final ConductorRpcApi conductor;
    private final String host;
    private final boolean pullAllowed;

    /** @param pullAllowed whether a missing image may be pulled (else it is an error) */
    public ImageCacher(ContainerDriver driver, ConductorRpcApi conductor, String host, boolean pullAllowed) {
        this.driver = driver;
        this.conductor = conductor;
        this.host = host;
        this.pullAllowed = pullAllowed;
    }

    /** Caches and reports; returns the report sent (for tests and logs). */
    public ImageCacheReport cache(RequestContext ctx, CacheHostImages request) {
        List<ImageOutcome> outcomes = new ArrayList<>();
        for (String image : request.images()) {
            outcomes.add(cacheOne(image));
        }
        ImageCacheReport report = new ImageCacheReport(request.cacheId(), request.aggregateId(),
                request.aggregateName(), request.hostsTotal(), host, outcomes);
        LOG.infof("image pre-cache for aggregate %s: cached %d, existing %d, error %d", request.aggregateName(),
                report.count(ImageCacheResult.CACHED), report.count(ImageCacheResult.EXISTING),
                report.count(ImageCacheResult.ERROR));
        conductor.reportImageCache(ctx, report);
        return report;
    }

    private ImageOutcome cacheOne(String image) {
        try {
            if (driver.hasImage(image)) {
                return new ImageOutcome(image, ImageCacheResult.EXISTING, null);
            }
            if (!pullAllowed) {
                return new ImageOutcome(image, ImageCacheResult.ERROR,
                        "Image " + image + " not found on host " + host + " and pulling is disabled");
            }
            driver.pullImage(image);
            return new ImageOutcome(image, ImageCacheResult.CACHED, null);
        } catch (ImageUnavailableException e) {
            LOG.warnf("pre-cache of %s failed: %s", image, e.getMessage());
            return new ImageOutcome(image, ImageCacheResult.ERROR, e.reasonOn(host));
        } catch (DriverException | IllegalArgumentException e) {
            // IllegalArgumentException: not a valid image reference (e.g. a Glance id)
            LOG.warnf("pre-cache of %s failed: %s", image, e.getMessage());
            return new ImageOutcome(image, ImageCacheResult.ERROR, e.getMessage());
        }
    }
}

package io.windlass.aggregate.service;

import io.windlass.aggregate.persistence.AggregateRecord;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheImages;
import io.windlass.image.catalog.ImageCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova 2.81 image pre-caching: hands the request to the conductor, which fans it out to the
 * aggregate's hosts. Nothing comes back to the API caller; progress shows in the conductor's
 * log and metrics.
 */
@ApplicationScoped
public class ImagePrecache {
    private static final Logger LOG = Logger.getLogger(ImagePrecache.class);

    private final AggregateService aggregates;
    private final ConductorRpcApi conductor;
    private final ImageCatalog catalog;

    public ImagePrecache(AggregateService aggregates, ConductorRpcApi conductor, ImageCatalog catalog) {
        this.aggregates = aggregates;
        this.conductor = conductor;
        this.catalog = catalog;
    }

    /**
     * @param requested image catalogue ids (as {@code openstack aggregate cache image} sends
     *                  after resolving names through the image API) or engine references
     */
    public void request(RequestContext caller, int aggregateId, List<String> requested) {
        AggregateRecord aggregate = aggregates.get(aggregateId);
        List<String> images = references(caller, requested);
        // through the outbox (RpcOutbox): a broker outage delays the pre-cache instead of refusing it
        QuarkusTransaction.requiringNew().run(() -> conductor.cacheImages(caller,
                new CacheImages(aggregate.id(), aggregate.name(), images)));
        LOG.infof("image pre-cache of %s requested on aggregate %d (%s), %d host(s)", images, aggregate.id(),
                aggregate.name(), aggregate.hosts().size());
    }

    /** Catalogue ids become the reference they stand for; anything else is taken as a reference. */
    private List<String> references(RequestContext caller, List<String> requested) {
        Map<String, String> byId = new HashMap<>();
        catalog.list(caller).forEach(image -> byId.put(image.id(), image.reference()));
        return requested.stream().map(id -> byId.getOrDefault(id, id)).distinct().toList();
    }
}

package io.windlass.aggregate.workflow;

import io.windlass.aggregate.persistence.AggregateHostReader;
import io.windlass.aggregate.persistence.AggregateHostReader.MemberHost;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.image.CacheHostImages;
import io.windlass.image.CacheImages;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * cache_images: casts the request to every live member host of the aggregate. Down hosts
 * are skipped (and counted, as Nova does); the agents answer with report_image_cache.
 */
@ApplicationScoped
public class ImageCacheFanout {
    private static final Logger LOG = Logger.getLogger(ImageCacheFanout.class);

    private final AggregateHostReader members;
    private final ComputeRpcApi compute;
    private final ServiceLivenessConfig liveness;
    private final ImageCacheProgress progress;

    public ImageCacheFanout(AggregateHostReader members, ComputeRpcApi compute, ServiceLivenessConfig liveness,
                            ImageCacheProgress progress) {
        this.members = members;
        this.compute = compute;
        this.liveness = liveness;
        this.progress = progress;
    }

    /** The hosts the request went to. */
    public List<String> fanOut(RequestContext ctx, CacheImages request) {
        List<MemberHost> hosts = members.members(request.aggregateId(), liveness.serviceDownTime());
        List<String> live = hosts.stream().filter(MemberHost::up).map(MemberHost::host).toList();
        long skipped = hosts.size() - live.size();
        String cacheId = UUID.randomUUID().toString();
        LOG.infof("aggregate %s: caching %d image(s) %s on %d host(s), %d down host(s) skipped (cache %s)",
                request.aggregateName(), request.images().size(), request.images(), live.size(), skipped, cacheId);
        progress.notAsked(request.aggregateName(), hosts.stream().filter(h -> !h.up()).map(MemberHost::host)
                .toList(), "skipped", request.images().size());
        CacheHostImages perHost = new CacheHostImages(cacheId, request.aggregateId(), request.aggregateName(),
                live.size(), request.images());
        List<String> sent = new ArrayList<>();
        for (String host : live) {
            try {
                compute.cacheImages(host, ctx, perHost);
                sent.add(host);
            } catch (RpcVersionCapExceeded e) {
                // agents of a release before pre-caching: the same for every member, so say it once
                LOG.warnf("aggregate %s: images not cached: %s", request.aggregateName(), e.getMessage());
                progress.notAsked(request.aggregateName(), live, "unsupported", request.images().size());
                return List.of();
            }
        }
        progress.started(request.aggregateName(), cacheId, sent.size());
        return sent;
    }
}

package io.windlass.scheduler.rpc;

import io.quarkus.runtime.StartupEvent;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RpcTopics;
import io.windlass.scheduler.ReleaseResources;
import io.windlass.scheduler.ResizeClaim;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.claim.HostClaims;
import io.windlass.scheduler.config.SchedulerConfig;
import io.windlass.scheduler.selection.ConsumerIds;
import io.windlass.scheduler.selection.DestinationSelector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Serves the {@code scheduler} topic at {@link SchedulerRpcApi#VERSION}. */
@ApplicationScoped
public class SchedulerEndpoint {
    private static final Logger LOG = Logger.getLogger(SchedulerEndpoint.class);

    private final RpcServer server;
    private final DestinationSelector selector;
    private final HostClaims claims;
    private final SchedulerConfig config;

    public SchedulerEndpoint(RpcServer server, DestinationSelector selector, HostClaims claims,
                             SchedulerConfig config) {
        this.server = server;
        this.selector = selector;
        this.claims = claims;
        this.config = config;
    }

    void serve(@Observes StartupEvent event) {
        server.serve(new RpcEndpoint(RpcTopics.SCHEDULER, SchedulerRpcApi.VERSION)
                .on(SchedulerRpcApi.SELECT_DESTINATIONS, (ctx, request) -> selector.select(request))
                .on(SchedulerRpcApi.RELEASE_RESOURCES, (ctx, request) -> {
                    claims.release(ConsumerIds.parse(request.consumerUuid())).ifPresentOrElse(
                            a -> LOG.infof("released claim of %s on %s", a.consumerUuid(), a.host()),
                            () -> LOG.infof("no claim to release for %s", request.consumerUuid()));
                    return null;
                })
                .on(SchedulerRpcApi.MOVE_CLAIM, (ctx, request) -> selector.move(request))
                .on(SchedulerRpcApi.RETURN_CLAIM, (ctx, request) -> {
                    claims.giveBackHeld(ConsumerIds.parse(request.consumerUuid()),
                            ConsumerIds.parse(request.heldBy())).ifPresentOrElse(
                            host -> LOG.infof("claim of %s back on %s", request.consumerUuid(), host),
                            () -> LOG.infof("%s holds no claim to give back to %s", request.heldBy(),
                                    request.consumerUuid()));
                    return null;
                })
                .on(SchedulerRpcApi.RESIZE_CLAIM, (ctx, request) -> {
                    claims.resize(ConsumerIds.parse(request.consumerUuid()), request.vcpus(), request.memoryMb());
                    return null;
                }), config.rpcConsumers());
    }
}

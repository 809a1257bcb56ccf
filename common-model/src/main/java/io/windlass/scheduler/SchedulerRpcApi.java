package io.windlass.scheduler;

import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;

import java.time.Duration;

/**
 * Client side of the scheduler's RPC API (topic {@code scheduler}).
 * <p>Version history: 1.0 select_destinations, release_resources, resize_claim. 1.1: {@link ResourceRequest}
 * gained {@code schedulerHints} and {@code imageProperties} (a 1.0 request reads them as empty).
 */
public class SchedulerRpcApi {
    public static final RpcVersion VERSION = new RpcVersion(1, 1);

    public static final String SELECT_DESTINATIONS = "select_destinations";
    public static final String RELEASE_RESOURCES = "release_resources";
    public static final String RESIZE_CLAIM = "resize_claim";

    /** Error type of a failed selection: no host passed the filters or had room. */
    public static final String NO_VALID_HOST = "NoValidHost";
    /** Error type of a refused resize claim. */
    public static final String RESOURCES_UNAVAILABLE = "ResourcesUnavailable";

    private final RpcClient rpc;
    private final Duration callTimeout;

    public SchedulerRpcApi(RpcClient rpc, Duration callTimeout) {
        this.rpc = rpc;
        this.callTimeout = callTimeout;
    }

    /**
     * Picks a host and claims the resources on it. Idempotent per consumer: asking again
     * for the same consumer returns the host already claimed.
     *
     * @throws io.windlass.rpc.RemoteException type {@link #NO_VALID_HOST} with an explanation
     */
    public Selection selectDestination(RequestContext ctx, ResourceRequest request) {
        return rpc.call(RpcTopics.SCHEDULER, SELECT_DESTINATIONS, VERSION, ctx, request, Selection.class,
                callTimeout);
    }

    public void releaseResources(RequestContext ctx, String consumerUuid) {
        rpc.cast(RpcTopics.SCHEDULER, RELEASE_RESOURCES, VERSION, ctx, new ReleaseResources(consumerUuid));
    }

    /** @throws io.windlass.rpc.RemoteException type {@link #RESOURCES_UNAVAILABLE} */
    public void resizeClaim(RequestContext ctx, ResizeClaim request) {
        rpc.call(RpcTopics.SCHEDULER, RESIZE_CLAIM, VERSION, ctx, request, Void.class, callTimeout);
    }
}

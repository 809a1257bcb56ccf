package io.windlass.scheduler;

import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcMethod;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;

import java.time.Duration;

/**
 * Client side of the scheduler's RPC API (topic {@code scheduler}).
 * <p>Version history: 1.0 select_destinations, release_resources, resize_claim. 1.1: {@link ResourceRequest}
 * gained {@code schedulerHints} and {@code imageProperties} (a 1.0 request reads them as empty). 1.2:
 * {@code move_claim} (evacuate). 1.3: {@link ResourceRequest} gained {@code runtime} and {@code dedicatedCpus}
 * (Zun's runtime and {@code cpu_policy: dedicated}, for the RuntimeFilter and CpuSetFilter). 1.4: {@link MoveClaim}
 * gained {@code sourceHeldBy} (a cold migration keeps its source's claim) and {@code return_claim} (its revert).
 */
public class SchedulerRpcApi {
    private static final RpcVersion V1_0 = new RpcVersion(1, 0);
    private static final RpcVersion V1_1 = new RpcVersion(1, 1);
    private static final RpcVersion V1_2 = new RpcVersion(1, 2);
    private static final RpcVersion V1_3 = new RpcVersion(1, 3);
    private static final RpcVersion V1_4 = new RpcVersion(1, 4);
    /** This build's API: the newest method's version. */
    public static final RpcVersion VERSION = V1_4;
    /** The version from which {@code move_claim} keeps the source's claim when asked to. */
    public static final RpcVersion HOLDS_SOURCE = V1_4;

    /**
     * 1.1: the request gained {@code schedulerHints} and {@code imageProperties}; 1.3: {@code runtime} and
     * {@code dedicatedCpus}; an older scheduler ignores them.
     */
    public static final RpcMethod<ResourceRequest> SELECT_DESTINATIONS =
            RpcMethod.of("select_destinations", ResourceRequest.class, V1_0).changedIn(V1_3);
    public static final RpcMethod<ReleaseResources> RELEASE_RESOURCES =
            RpcMethod.of("release_resources", ReleaseResources.class, V1_0);
    public static final RpcMethod<ResizeClaim> RESIZE_CLAIM = RpcMethod.of("resize_claim", ResizeClaim.class, V1_0);
    public static final RpcMethod<MoveClaim> MOVE_CLAIM = RpcMethod.of("move_claim", MoveClaim.class, V1_2)
            .changedIn(V1_4);
    public static final RpcMethod<ReturnClaim> RETURN_CLAIM = RpcMethod.of("return_claim", ReturnClaim.class, V1_4);

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
        return rpc.call(RpcTopics.SCHEDULER, SELECT_DESTINATIONS, ctx, request, Selection.class, callTimeout);
    }

    public void releaseResources(RequestContext ctx, String consumerUuid) {
        rpc.cast(RpcTopics.SCHEDULER, RELEASE_RESOURCES, ctx, new ReleaseResources(consumerUuid));
    }

    /** @throws io.windlass.rpc.RemoteException type {@link #RESOURCES_UNAVAILABLE} */
    public void resizeClaim(RequestContext ctx, ResizeClaim request) {
        rpc.call(RpcTopics.SCHEDULER, RESIZE_CLAIM, ctx, request, Void.class, callTimeout);
    }

    /**
     * Moves the workload's claim off {@code sourceHost} to the host the scheduler picks (since 1.2).
     * Idempotent: asked again, it answers the host the claim moved to.
     *
     * @throws io.windlass.rpc.RemoteException type {@link #NO_VALID_HOST}; the claim stays where it was
     */
    public Selection moveClaim(RequestContext ctx, MoveClaim request) {
        return rpc.call(RpcTopics.SCHEDULER, MOVE_CLAIM, ctx, request, Selection.class, callTimeout);
    }

    /** Gives a reverted cold migration its source's claim back (since 1.4). Idempotent. */
    public void returnClaim(RequestContext ctx, ReturnClaim request) {
        rpc.call(RpcTopics.SCHEDULER, RETURN_CLAIM, ctx, request, Void.class, callTimeout);
    }

    /**
     * The version {@code method} goes out at under the scheduler's cap.
     *
     * @throws io.windlass.rpc.RpcVersionCapExceeded when no scheduler under the cap has it
     */
    public RpcVersion versionFor(RpcMethod<?> method) {
        return rpc.versionFor(RpcTopics.SCHEDULER, method);
    }
}

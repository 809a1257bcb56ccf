package io.windlass.conductor.support;

import io.windlass.zunimage.PullImage;
import io.windlass.image.CommitWorkload;
import io.windlass.image.CommittedImage;
import io.windlass.image.RemoveImage;
import io.windlass.image.StoreImage;
import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerOperation;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.network.UpdatePortFilters;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandler;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RpcTopics;
import io.windlass.scheduler.MoveClaim;
import io.windlass.scheduler.ReturnClaim;
import io.windlass.scheduler.ReleaseResources;
import io.windlass.scheduler.ResizeClaim;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.server.ResizeServer;
import io.windlass.server.ServerOperation;
import io.windlass.server.RescueServer;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import io.windlass.server.ShelveServer;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.Selection;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler and one agent as the conductor sees them: their topics, served from the test
 * with the real RPC server, recording what arrives and answering as told.
 */
public class FakeEdges implements AutoCloseable {
    public static final String HOST = "node-1";
    /** A second agent, which a server is evacuated off: only what it is asked to remove is recorded. */
    public static final String OTHER_HOST = "node-0";

    public final BlockingQueue<ResourceRequest> selects = new LinkedBlockingQueue<>();
    public final BlockingQueue<ReleaseResources> releases = new LinkedBlockingQueue<>();
    public final BlockingQueue<ResizeClaim> resizeClaims = new LinkedBlockingQueue<>();
    public final BlockingQueue<CreateContainer> creates = new LinkedBlockingQueue<>();
    public final BlockingQueue<ContainerOperation> actions = new LinkedBlockingQueue<>();
    public final BlockingQueue<DeleteContainer> deletes = new LinkedBlockingQueue<>();
    public final BlockingQueue<ResizeContainer> resizes = new LinkedBlockingQueue<>();
    public final BlockingQueue<CreateCapsule> capsuleCreates = new LinkedBlockingQueue<>();
    public final BlockingQueue<DeleteCapsule> capsuleDeletes = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerSpec> serverSpawns = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerOperation> serverActions = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerSpec> serverRebuilds = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerRef> serverSuspends = new LinkedBlockingQueue<>();
    public final BlockingQueue<RescueServer> serverRescues = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerRef> serverUnrescues = new LinkedBlockingQueue<>();
    public final BlockingQueue<ResizeServer> serverResizes = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerRef> serverDestroys = new LinkedBlockingQueue<>();
    public final BlockingQueue<MoveClaim> moves = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerRef> otherHostDestroys = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerSpec> otherHostSpawns = new LinkedBlockingQueue<>();
    public final BlockingQueue<RemoveImage> otherHostImageRemovals = new LinkedBlockingQueue<>();
    public final BlockingQueue<ReturnClaim> claimReturns = new LinkedBlockingQueue<>();
    public final BlockingQueue<AttachPort> attaches = new LinkedBlockingQueue<>();
    public final BlockingQueue<DetachPort> detaches = new LinkedBlockingQueue<>();
    public final BlockingQueue<UpdatePortFilters> filters = new LinkedBlockingQueue<>();
    public final BlockingQueue<CommitWorkload> commits = new LinkedBlockingQueue<>();
    public final BlockingQueue<RemoveImage> imageRemovals = new LinkedBlockingQueue<>();
    public final BlockingQueue<ShelveServer> shelves = new LinkedBlockingQueue<>();
    public final BlockingQueue<StoreImage> imageStores = new LinkedBlockingQueue<>();
    public final BlockingQueue<PullImage> imagePulls = new LinkedBlockingQueue<>();

    /** Claims by consumer: like the real scheduler, a repeated request gets the same host. */
    private final Map<String, String> claims = new ConcurrentHashMap<>();
    public volatile RpcHandler<ResourceRequest> selectAnswer = (ctx, r) -> new Selection(
            claims.computeIfAbsent(r.consumerUuid(), c -> HOST));
    /** Like the real scheduler, the claim is on {@link #HOST} once moved. */
    public volatile RpcHandler<MoveClaim> moveAnswer = (ctx, m) -> {
        claims.put(m.request().consumerUuid(), HOST);
        return new Selection(HOST);
    };
    public volatile RpcHandler<ResizeClaim> resizeClaimAnswer = (ctx, r) -> null;
    public volatile RpcHandler<ResizeContainer> resizeAnswer = (ctx, r) -> null;
    public volatile RpcHandler<ResizeServer> serverResizeAnswer = (ctx, r) -> null;
    public volatile RpcHandler<AttachPort> attachAnswer = (ctx, r) -> null;
    public volatile RpcHandler<DetachPort> detachAnswer = (ctx, r) -> null;
    public volatile RpcHandler<CommitWorkload> commitAnswer = (ctx, r) -> new CommittedImage("sha256:c0ffee", 4096);
    public volatile RpcHandler<ShelveServer> shelveAnswer = (ctx, r) -> r.reference() == null ? null
            : new CommittedImage("sha256:5be1f", 8192);

    private final RpcServer server;

    public FakeEdges(RpcConnection connection, ObjectMapper json) throws IOException {
        purge(connection, List.of(RpcTopics.CONDUCTOR, RpcTopics.SCHEDULER, RpcTopics.compute(HOST),
                RpcTopics.compute(OTHER_HOST)));
        server = new RpcServer(connection, json);
        server.serve(new RpcEndpoint(RpcTopics.SCHEDULER, SchedulerRpcApi.VERSION)
                .on(SchedulerRpcApi.SELECT_DESTINATIONS, (ctx, r) -> {
                    selects.add(r);
                    return selectAnswer.handle(ctx, r);
                })
                .on(SchedulerRpcApi.RELEASE_RESOURCES, record(releases))
                .on(SchedulerRpcApi.RESIZE_CLAIM, (ctx, r) -> {
                    resizeClaims.add(r);
                    return resizeClaimAnswer.handle(ctx, r);
                })
                .on(SchedulerRpcApi.MOVE_CLAIM, (ctx, m) -> {
                    moves.add(m);
                    return moveAnswer.handle(ctx, m);
                })
                .on(SchedulerRpcApi.RETURN_CLAIM, record(claimReturns)), 2);
        server.serve(new RpcEndpoint(RpcTopics.compute(OTHER_HOST), ComputeRpcApi.VERSION)
                .on(ComputeRpcApi.DESTROY_SERVER, record(otherHostDestroys))
                .on(ComputeRpcApi.SPAWN_SERVER, record(otherHostSpawns))
                .on(ComputeRpcApi.REMOVE_IMAGE, record(otherHostImageRemovals))
                .on(ComputeRpcApi.UPDATE_NETWORK_PEERS, (ctx, r) -> null), 1);
        server.serve(new RpcEndpoint(RpcTopics.compute(HOST), ComputeRpcApi.VERSION)
                .on(ComputeRpcApi.CREATE_CONTAINER, record(creates))
                .on(ComputeRpcApi.CONTAINER_ACTION, record(actions))
                .on(ComputeRpcApi.DELETE_CONTAINER, record(deletes))
                .on(ComputeRpcApi.CREATE_CAPSULE, record(capsuleCreates))
                .on(ComputeRpcApi.DELETE_CAPSULE, record(capsuleDeletes))
                .on(ComputeRpcApi.SPAWN_SERVER, record(serverSpawns))
                .on(ComputeRpcApi.SERVER_ACTION, record(serverActions))
                .on(ComputeRpcApi.REBUILD_SERVER, record(serverRebuilds))
                .on(ComputeRpcApi.SUSPEND_SERVER, record(serverSuspends))
                .on(ComputeRpcApi.RESCUE_SERVER, record(serverRescues))
                .on(ComputeRpcApi.UNRESCUE_SERVER, record(serverUnrescues))
                .on(ComputeRpcApi.DESTROY_SERVER, record(serverDestroys))
                .on(ComputeRpcApi.RESIZE_SERVER, (ctx, r) -> {
                    serverResizes.add(r);
                    return serverResizeAnswer.handle(ctx, r);
                })
                .on(ComputeRpcApi.RESIZE_CONTAINER, (ctx, r) -> {
                    resizes.add(r);
                    return resizeAnswer.handle(ctx, r);
                })
                .on(ComputeRpcApi.ATTACH_PORT, (ctx, r) -> {
                    attaches.add(r);
                    return attachAnswer.handle(ctx, r);
                })
                .on(ComputeRpcApi.DETACH_PORT, (ctx, r) -> {
                    detaches.add(r);
                    return detachAnswer.handle(ctx, r);
                })
                .on(ComputeRpcApi.COMMIT_WORKLOAD, (ctx, r) -> {
                    commits.add(r);
                    return commitAnswer.handle(ctx, r);
                })
                .on(ComputeRpcApi.REMOVE_IMAGE, record(imageRemovals))
                .on(ComputeRpcApi.STORE_IMAGE, record(imageStores))
                .on(ComputeRpcApi.IMAGE_PULL, record(imagePulls))
                .on(ComputeRpcApi.SHELVE_SERVER, (ctx, r) -> {
                    shelves.add(r);
                    return shelveAnswer.handle(ctx, r);
                })
                .on(ComputeRpcApi.UPDATE_NETWORK_PEERS, (ctx, r) -> null)
                .on(ComputeRpcApi.UPDATE_PORT_FILTERS, record(filters)), 2);
    }

    private static <A> RpcHandler<A> record(BlockingQueue<A> into) {
        return (ctx, args) -> {
            into.add(args);
            return null;
        };
    }

    private static void purge(RpcConnection connection, List<String> topics) throws IOException {
        try (var ch = connection.createChannel()) {
            for (String topic : topics) {
                ch.queuePurge(connection.declareTopicQueue(ch, topic));
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** The next message of a kind, failing the test if none comes within 10 s. */
    public static <A> A next(BlockingQueue<A> queue) throws InterruptedException {
        A item = queue.poll(10, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("expected message did not arrive");
        }
        return item;
    }

    @Override
    public void close() {
        server.close();
    }
}

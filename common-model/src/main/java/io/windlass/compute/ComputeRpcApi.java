package io.windlass.compute;

import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerStats;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheHostImages;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;

import java.time.Duration;

/**
 * Client side of the compute agent's RPC API (topic {@code compute.<host>}).
 * <p>Version history: 1.0 containers (create, action, delete, resize, stats); 1.1 {@code cache_images}; 1.2 {@code create_capsule}, {@code delete_capsule};
 * 1.3 {@code spawn_server}, {@code server_action}, {@code destroy_server} (Nova servers).
 */
public class ComputeRpcApi {
    public static final RpcVersion VERSION = new RpcVersion(1, 3);

    public static final String CREATE_CONTAINER = "create_container";
    public static final String CONTAINER_ACTION = "container_action";
    public static final String DELETE_CONTAINER = "delete_container";
    public static final String RESIZE_CONTAINER = "resize_container";
    public static final String CONTAINER_STATS = "container_stats";
    public static final String CACHE_IMAGES = "cache_images";
    public static final String CREATE_CAPSULE = "create_capsule";
    public static final String DELETE_CAPSULE = "delete_capsule";
    public static final String SPAWN_SERVER = "spawn_server";
    public static final String SERVER_ACTION = "server_action";
    public static final String DESTROY_SERVER = "destroy_server";

    private final RpcClient rpc;
    private final Duration callTimeout;

    public ComputeRpcApi(RpcClient rpc, Duration callTimeout) {
        this.rpc = rpc;
        this.callTimeout = callTimeout;
    }

    public void createContainer(String host, RequestContext ctx, CreateContainer request) {
        rpc.cast(RpcTopics.compute(host), CREATE_CONTAINER, VERSION, ctx, request);
    }

    public void containerAction(String host, RequestContext ctx, ContainerOperation operation) {
        rpc.cast(RpcTopics.compute(host), CONTAINER_ACTION, VERSION, ctx, operation);
    }

    public void deleteContainer(String host, RequestContext ctx, DeleteContainer request) {
        rpc.cast(RpcTopics.compute(host), DELETE_CONTAINER, VERSION, ctx, request);
    }

    /** Synchronous: the caller answers the user with the outcome. */
    public void resizeContainer(String host, RequestContext ctx, ResizeContainer request) {
        rpc.call(RpcTopics.compute(host), RESIZE_CONTAINER, VERSION, ctx, request, Void.class, callTimeout);
    }

    /** Synchronous: one sample from the engine (about a second with Docker). */
    public ContainerStats containerStats(String host, RequestContext ctx, String uuid) {
        return rpc.call(RpcTopics.compute(host), CONTAINER_STATS, VERSION, ctx, new ContainerRef(uuid),
                ContainerStats.class, callTimeout);
    }

    /** Fetch images onto the host ahead of use; the agent answers with {@code conductor.report_image_cache} (since 1.1). */
    public void cacheImages(String host, RequestContext ctx, CacheHostImages request) {
        rpc.cast(RpcTopics.compute(host), CACHE_IMAGES, VERSION, ctx, request);
    }

    /** Create a capsule's sandbox, volumes and members; answered by {@code conductor.report_capsule_status} (since 1.2). */
    public void createCapsule(String host, RequestContext ctx, CreateCapsule request) {
        rpc.cast(RpcTopics.compute(host), CREATE_CAPSULE, VERSION, ctx, request);
    }

    /** Remove a capsule's members, sandbox and auto-remove volumes (since 1.2). */
    public void deleteCapsule(String host, RequestContext ctx, DeleteCapsule request) {
        rpc.cast(RpcTopics.compute(host), DELETE_CAPSULE, VERSION, ctx, request);
    }

    /** Spawn (create and power on) a server; answered by {@code conductor.report_server_status} (since 1.3). */
    public void spawnServer(String host, RequestContext ctx, ServerSpec spec) {
        rpc.cast(RpcTopics.compute(host), SPAWN_SERVER, VERSION, ctx, spec);
    }

    /** A power action on a server; answered by {@code conductor.report_server_status} (since 1.3). */
    public void serverAction(String host, RequestContext ctx, ServerOperation operation) {
        rpc.cast(RpcTopics.compute(host), SERVER_ACTION, VERSION, ctx, operation);
    }

    /** Remove a server and its config drive; answered by a {@code gone} report (since 1.3). */
    public void destroyServer(String host, RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.compute(host), DESTROY_SERVER, VERSION, ctx, server);
    }

    /**
     * Names one container.
     *
     * @param uuid container uuid
     */
    public record ContainerRef(String uuid) {
    }
}

package io.windlass.conductor;

import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.host.HostState;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerStatusReport;

import java.time.Duration;

/**
 * Client side of the conductor's RPC API (topic {@code conductor}). The api-service
 * starts workflows here; agents report container states and heartbeats here.
 * <p>Version history: 1.0 containers and host heartbeats; 1.1 {@code cache_images} and
 * {@code report_image_cache} (aggregate image pre-caching);
 * 1.2 {@code build_capsule}, {@code delete_capsule}, {@code report_capsule_status} (capsules);
 * 1.3 {@code build_server}, {@code server_action}, {@code delete_server}, {@code report_server_status} (Nova servers).
 */
public class ConductorRpcApi {
    public static final RpcVersion VERSION = new RpcVersion(1, 3);

    public static final String BUILD_CONTAINER = "build_container";
    public static final String CONTAINER_ACTION = "container_action";
    public static final String DELETE_CONTAINER = "delete_container";
    public static final String RESIZE_CONTAINER = "resize_container";
    public static final String REPORT_CONTAINER_STATUS = "report_container_status";
    public static final String REPORT_HOST_STATE = "report_host_state";
    public static final String CACHE_IMAGES = "cache_images";
    public static final String REPORT_IMAGE_CACHE = "report_image_cache";
    public static final String BUILD_CAPSULE = "build_capsule";
    public static final String DELETE_CAPSULE = "delete_capsule";
    public static final String REPORT_CAPSULE_STATUS = "report_capsule_status";
    public static final String BUILD_SERVER = "build_server";
    public static final String SERVER_ACTION = "server_action";
    public static final String DELETE_SERVER = "delete_server";
    public static final String REPORT_SERVER_STATUS = "report_server_status";

    private final RpcClient rpc;
    private final Duration callTimeout;

    public ConductorRpcApi(RpcClient rpc, Duration callTimeout) {
        this.rpc = rpc;
        this.callTimeout = callTimeout;
    }

    /** The row exists (status Creating); schedule it and have its host create it. */
    public void buildContainer(RequestContext ctx, BuildContainer request) {
        rpc.cast(RpcTopics.CONDUCTOR, BUILD_CONTAINER, VERSION, ctx, request);
    }

    public void containerAction(RequestContext ctx, ContainerOperation operation) {
        rpc.cast(RpcTopics.CONDUCTOR, CONTAINER_ACTION, VERSION, ctx, operation);
    }

    public void deleteContainer(RequestContext ctx, DeleteContainer request) {
        rpc.cast(RpcTopics.CONDUCTOR, DELETE_CONTAINER, VERSION, ctx, request);
    }

    /**
     * Synchronous live resize: claim on the host, apply on the engine, then save. Fails with
     * a {@link io.windlass.rpc.RemoteException} of type {@code ResourcesUnavailable} when the
     * host has no room.
     */
    public void resizeContainer(RequestContext ctx, ResizeContainer request) {
        rpc.call(RpcTopics.CONDUCTOR, RESIZE_CONTAINER, VERSION, ctx, request, Void.class, callTimeout);
    }

    public void reportContainerStatus(RequestContext ctx, ContainerStatusReport report) {
        rpc.cast(RpcTopics.CONDUCTOR, REPORT_CONTAINER_STATUS, VERSION, ctx, report);
    }

    /** Transient: the host's next heartbeat (every 10 s by default) replaces a lost one. */
    public void reportHostState(RequestContext ctx, HostState state) {
        rpc.castTransient(RpcTopics.CONDUCTOR, REPORT_HOST_STATE, VERSION, ctx, state);
    }

    /** Fan an aggregate's image pre-cache request out to its member hosts (since 1.1). */
    public void cacheImages(RequestContext ctx, CacheImages request) {
        rpc.cast(RpcTopics.CONDUCTOR, CACHE_IMAGES, VERSION, ctx, request);
    }

    /** An agent's per-image outcome of a pre-cache request (since 1.1). */
    public void reportImageCache(RequestContext ctx, ImageCacheReport report) {
        rpc.cast(RpcTopics.CONDUCTOR, REPORT_IMAGE_CACHE, VERSION, ctx, report);
    }

    /** The capsule row exists (status Creating); schedule it as one unit and have its host create it (since 1.2). */
    public void buildCapsule(RequestContext ctx, CapsuleRef capsule) {
        rpc.cast(RpcTopics.CONDUCTOR, BUILD_CAPSULE, VERSION, ctx, capsule);
    }

    /** The capsule row is Deleting; have its host remove everything (since 1.2). */
    public void deleteCapsule(RequestContext ctx, CapsuleRef capsule) {
        rpc.cast(RpcTopics.CONDUCTOR, DELETE_CAPSULE, VERSION, ctx, capsule);
    }

    /** An agent's view of one capsule (since 1.2). */
    public void reportCapsuleStatus(RequestContext ctx, CapsuleStatusReport report) {
        rpc.cast(RpcTopics.CONDUCTOR, REPORT_CAPSULE_STATUS, VERSION, ctx, report);
    }

    /** The server row exists (building/scheduling); schedule it and have its host spawn it (since 1.3). */
    public void buildServer(RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.CONDUCTOR, BUILD_SERVER, VERSION, ctx, server);
    }

    /** The API set the action's task state; have the server's host do it (since 1.3). */
    public void serverAction(RequestContext ctx, ServerOperation operation) {
        rpc.cast(RpcTopics.CONDUCTOR, SERVER_ACTION, VERSION, ctx, operation);
    }

    /** The server is marked deleting; have its host destroy it, then remove the row (since 1.3). */
    public void deleteServer(RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.CONDUCTOR, DELETE_SERVER, VERSION, ctx, server);
    }

    /** An agent's view of one server (since 1.3). */
    public void reportServerStatus(RequestContext ctx, ServerStatusReport report) {
        rpc.cast(RpcTopics.CONDUCTOR, REPORT_SERVER_STATUS, VERSION, ctx, report);
    }

    /**
     * Build a container whose row the API has written.
     *
     * @param uuid container uuid
     * @param run  start it after creation
     */
    public record BuildContainer(String uuid, boolean run) {
    }
}

package io.windlass.conductor;

import io.windlass.image.ImageRef;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.image.ImageData;
import io.windlass.image.ImageDataRequest;
import io.windlass.image.ImageDataStored;
import io.windlass.image.ImageDataWrite;
import io.windlass.host.HostState;
import io.windlass.network.InterfaceChange;
import io.windlass.network.SecurityGroupsChanged;
import io.windlass.rpc.RpcCasts;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcMethod;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;
import io.windlass.server.EvacuateServer;
import io.windlass.server.ServerOperation;
import io.windlass.server.MigrateServer;
import io.windlass.server.RescueServer;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerStatusReport;
import io.windlass.zunimage.ImagePullRef;
import io.windlass.zunimage.ImagePullReport;

import java.time.Duration;

/**
 * Client side of the conductor's RPC API (topic {@code conductor}). The api-service
 * starts workflows here; agents report container states and heartbeats here.
 * <p>Version history: 1.0 containers and host heartbeats; 1.1 {@code cache_images} and
 * {@code report_image_cache} (aggregate image pre-caching);
 * 1.2 {@code build_capsule}, {@code delete_capsule}, {@code report_capsule_status} (capsules);
 * 1.3 {@code build_server}, {@code server_action}, {@code delete_server}, {@code report_server_status} (Nova servers);
 * 1.4 {@code evacuate_server}; 1.5 {@code attach_interface}, {@code detach_interface} (Zun network_attach/detach,
 * Nova os-interface) and {@code refresh_port_filters} (security groups changed); 1.6 {@code suspend_server},
 * {@code resume_server}, {@code rebuild_server}; 1.7 {@code resize_server}, {@code confirm_resize},
 * {@code revert_resize}; 1.8 {@code snapshot_workload} (an image made from a server or container: Nova's createImage
 * and createBackup, Zun's commit); 1.9 {@code container_action}'s {@link ContainerOperation} gained {@code signal} (a
 * kill's signal), which a 1.8 conductor would drop: the api-service refuses such a kill under a cap below 1.9;
 * 1.10 {@code shelve_server} (Nova's shelve and shelveOffload) and {@code unshelve_server};
 * 1.11 {@code report_host_state}'s {@link HostState} gained {@code runtimes} and {@code freeDedicatedCpus};
 * 1.12 {@code image_pull} (Zun's images API: an image pulled onto a host) and {@code report_image_pull} (the host's outcome);
 * 1.13 {@code image_data} (a slice of a stored image's bytes, for a host that is to run it) and
 * {@code store_image_data} (a slice of an image a host pushes into the store); 1.14 {@code rescue_server} and
 * {@code unrescue_server} (Nova's rescue and unrescue), and {@code report_server_status}'s
 * {@link ServerStatusReport} gained {@code rescued}, which a 1.13 conductor ignores (it goes by the task state).
 * Each method names the version that introduced it; a message goes out at that version, so a
 * conductor of an older release still serves the methods it has.
 */
public class ConductorRpcApi {
    private static final RpcVersion V1_0 = RpcVersion.parse("1.0");
    private static final RpcVersion V1_1 = RpcVersion.parse("1.1");
    private static final RpcVersion V1_2 = RpcVersion.parse("1.2");
    private static final RpcVersion V1_3 = RpcVersion.parse("1.3");
    private static final RpcVersion V1_4 = RpcVersion.parse("1.4");
    private static final RpcVersion V1_5 = RpcVersion.parse("1.5");
    private static final RpcVersion V1_6 = RpcVersion.parse("1.6");
    private static final RpcVersion V1_7 = RpcVersion.parse("1.7");
    private static final RpcVersion V1_8 = RpcVersion.parse("1.8");
    private static final RpcVersion V1_9 = RpcVersion.parse("1.9");
    private static final RpcVersion V1_10 = RpcVersion.parse("1.10");
    private static final RpcVersion V1_11 = RpcVersion.parse("1.11");
    private static final RpcVersion V1_12 = RpcVersion.parse("1.12");
    private static final RpcVersion V1_13 = RpcVersion.parse("1.13");
    private static final RpcVersion V1_14 = RpcVersion.parse("1.14");
    private static final RpcVersion V1_15 = RpcVersion.parse("1.15");
    /** This build's API: the newest method's version. */
    public static final RpcVersion VERSION = V1_15;
    /** The version from which a conductor passes a kill's {@link ContainerOperation#signal()} on. */
    public static final RpcVersion KILL_SIGNALS = V1_9;

    public static final RpcMethod<BuildContainer> BUILD_CONTAINER =
            RpcMethod.of("build_container", BuildContainer.class, V1_0);
    public static final RpcMethod<ContainerOperation> CONTAINER_ACTION =
            RpcMethod.of("container_action", ContainerOperation.class, V1_0).changedIn(V1_9);
    public static final RpcMethod<DeleteContainer> DELETE_CONTAINER =
            RpcMethod.of("delete_container", DeleteContainer.class, V1_0);
    public static final RpcMethod<ResizeContainer> RESIZE_CONTAINER =
            RpcMethod.of("resize_container", ResizeContainer.class, V1_0);
    public static final RpcMethod<ContainerStatusReport> REPORT_CONTAINER_STATUS =
            RpcMethod.of("report_container_status", ContainerStatusReport.class, V1_0);
    public static final RpcMethod<HostState> REPORT_HOST_STATE =
            RpcMethod.of("report_host_state", HostState.class, V1_0).changedIn(V1_11);
    public static final RpcMethod<CacheImages> CACHE_IMAGES = RpcMethod.of("cache_images", CacheImages.class, V1_1);
    public static final RpcMethod<ImageCacheReport> REPORT_IMAGE_CACHE =
            RpcMethod.of("report_image_cache", ImageCacheReport.class, V1_1);
    public static final RpcMethod<CapsuleRef> BUILD_CAPSULE = RpcMethod.of("build_capsule", CapsuleRef.class, V1_2);
    public static final RpcMethod<CapsuleRef> DELETE_CAPSULE = RpcMethod.of("delete_capsule", CapsuleRef.class, V1_2);
    public static final RpcMethod<CapsuleStatusReport> REPORT_CAPSULE_STATUS =
            RpcMethod.of("report_capsule_status", CapsuleStatusReport.class, V1_2);
    public static final RpcMethod<ServerRef> BUILD_SERVER = RpcMethod.of("build_server", ServerRef.class, V1_3);
    public static final RpcMethod<ServerOperation> SERVER_ACTION =
            RpcMethod.of("server_action", ServerOperation.class, V1_3);
    public static final RpcMethod<ServerRef> DELETE_SERVER = RpcMethod.of("delete_server", ServerRef.class, V1_3);
    public static final RpcMethod<ServerStatusReport> REPORT_SERVER_STATUS =
            RpcMethod.of("report_server_status", ServerStatusReport.class, V1_3).changedIn(V1_14);
    public static final RpcMethod<EvacuateServer> EVACUATE_SERVER =
            RpcMethod.of("evacuate_server", EvacuateServer.class, V1_4);
    public static final RpcMethod<InterfaceChange> ATTACH_INTERFACE =
            RpcMethod.of("attach_interface", InterfaceChange.class, V1_5);
    public static final RpcMethod<InterfaceChange> DETACH_INTERFACE =
            RpcMethod.of("detach_interface", InterfaceChange.class, V1_5);
    public static final RpcMethod<SecurityGroupsChanged> REFRESH_PORT_FILTERS =
            RpcMethod.of("refresh_port_filters", SecurityGroupsChanged.class, V1_5);
    public static final RpcMethod<ServerRef> SUSPEND_SERVER = RpcMethod.of("suspend_server", ServerRef.class, V1_6);
    public static final RpcMethod<ServerRef> RESUME_SERVER = RpcMethod.of("resume_server", ServerRef.class, V1_6);
    public static final RpcMethod<ServerRef> REBUILD_SERVER = RpcMethod.of("rebuild_server", ServerRef.class, V1_6);
    public static final RpcMethod<ServerRef> RESIZE_SERVER = RpcMethod.of("resize_server", ServerRef.class, V1_7);
    public static final RpcMethod<ServerRef> CONFIRM_RESIZE = RpcMethod.of("confirm_resize", ServerRef.class, V1_7);
    public static final RpcMethod<ServerRef> REVERT_RESIZE = RpcMethod.of("revert_resize", ServerRef.class, V1_7);
    public static final RpcMethod<ImageRef> SNAPSHOT_WORKLOAD = RpcMethod.of("snapshot_workload", ImageRef.class,
            V1_8);
    public static final RpcMethod<ServerRef> SHELVE_SERVER = RpcMethod.of("shelve_server", ServerRef.class, V1_10);
    public static final RpcMethod<ServerRef> UNSHELVE_SERVER = RpcMethod.of("unshelve_server", ServerRef.class, V1_10);
    public static final RpcMethod<RescueServer> RESCUE_SERVER = RpcMethod.of("rescue_server", RescueServer.class, V1_14);
    public static final RpcMethod<ServerRef> UNRESCUE_SERVER = RpcMethod.of("unrescue_server", ServerRef.class, V1_14);
    public static final RpcMethod<MigrateServer> MIGRATE_SERVER = RpcMethod.of("migrate_server", MigrateServer.class,
            V1_15);
    public static final RpcMethod<ImageDataRequest> IMAGE_DATA = RpcMethod.of("image_data", ImageDataRequest.class,
            V1_13);
    public static final RpcMethod<ImageDataWrite> STORE_IMAGE_DATA = RpcMethod.of("store_image_data",
            ImageDataWrite.class, V1_13);
    public static final RpcMethod<ImagePullRef> IMAGE_PULL = RpcMethod.of("image_pull", ImagePullRef.class, V1_12);
    public static final RpcMethod<ImagePullReport> REPORT_IMAGE_PULL = RpcMethod.of("report_image_pull",
            ImagePullReport.class, V1_12);

    private final RpcClient rpc;
    private final RpcCasts casts;
    private final Duration callTimeout;

    /** Casts go straight to the broker. */
    public ConductorRpcApi(RpcClient rpc, Duration callTimeout) {
        this(rpc, rpc, callTimeout);
    }

    /** @param casts where the durable casts go (the api-service's outbox); calls and transient casts use {@code rpc} */
    public ConductorRpcApi(RpcClient rpc, RpcCasts casts, Duration callTimeout) {
        this.rpc = rpc;
        this.casts = casts;
        this.callTimeout = callTimeout;
    }

    /** The row exists (status Creating); schedule it and have its host create it. */
    public void buildContainer(RequestContext ctx, BuildContainer request) {
        casts.cast(RpcTopics.CONDUCTOR, BUILD_CONTAINER, ctx, request);
    }

    public void containerAction(RequestContext ctx, ContainerOperation operation) {
        casts.cast(RpcTopics.CONDUCTOR, CONTAINER_ACTION, ctx, operation);
    }

    public void deleteContainer(RequestContext ctx, DeleteContainer request) {
        casts.cast(RpcTopics.CONDUCTOR, DELETE_CONTAINER, ctx, request);
    }

    /**
     * Synchronous live resize: claim on the host, apply on the engine, then save. Fails with
     * a {@link io.windlass.rpc.RemoteException} of type {@code ResourcesUnavailable} when the
     * host has no room.
     */
    public void resizeContainer(RequestContext ctx, ResizeContainer request) {
        rpc.call(RpcTopics.CONDUCTOR, RESIZE_CONTAINER, ctx, request, Void.class, callTimeout);
    }

    public void reportContainerStatus(RequestContext ctx, ContainerStatusReport report) {
        casts.cast(RpcTopics.CONDUCTOR, REPORT_CONTAINER_STATUS, ctx, report);
    }

    /** Transient: the host's next heartbeat (every 10 s by default) replaces a lost one. */
    public void reportHostState(RequestContext ctx, HostState state) {
        rpc.castTransient(RpcTopics.CONDUCTOR, REPORT_HOST_STATE, ctx, state);
    }

    /** Fan an aggregate's image pre-cache request out to its member hosts (since 1.1). */
    public void cacheImages(RequestContext ctx, CacheImages request) {
        casts.cast(RpcTopics.CONDUCTOR, CACHE_IMAGES, ctx, request);
    }

    /** An agent's per-image outcome of a pre-cache request (since 1.1). */
    public void reportImageCache(RequestContext ctx, ImageCacheReport report) {
        casts.cast(RpcTopics.CONDUCTOR, REPORT_IMAGE_CACHE, ctx, report);
    }

    /** The capsule row exists (status Creating); schedule it as one unit and have its host create it (since 1.2). */
    public void buildCapsule(RequestContext ctx, CapsuleRef capsule) {
        casts.cast(RpcTopics.CONDUCTOR, BUILD_CAPSULE, ctx, capsule);
    }

    /** The capsule row is Deleting; have its host remove everything (since 1.2). */
    public void deleteCapsule(RequestContext ctx, CapsuleRef capsule) {
        casts.cast(RpcTopics.CONDUCTOR, DELETE_CAPSULE, ctx, capsule);
    }

    /** An agent's view of one capsule (since 1.2). */
    public void reportCapsuleStatus(RequestContext ctx, CapsuleStatusReport report) {
        casts.cast(RpcTopics.CONDUCTOR, REPORT_CAPSULE_STATUS, ctx, report);
    }

    /** The server row exists (building/scheduling); schedule it and have its host spawn it (since 1.3). */
    public void buildServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, BUILD_SERVER, ctx, server);
    }

    /** The API set the action's task state; have the server's host do it (since 1.3). */
    public void serverAction(RequestContext ctx, ServerOperation operation) {
        casts.cast(RpcTopics.CONDUCTOR, SERVER_ACTION, ctx, operation);
    }

    /** The server is marked deleting; have its host destroy it, then remove the row (since 1.3). */
    public void deleteServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, DELETE_SERVER, ctx, server);
    }

    /** An agent's view of one server (since 1.3). */
    public void reportServerStatus(RequestContext ctx, ServerStatusReport report) {
        casts.cast(RpcTopics.CONDUCTOR, REPORT_SERVER_STATUS, ctx, report);
    }

    /** The server is marked rebuilding; move it off its down host and spawn it again elsewhere (since 1.4). */
    /** Freeze a server, shown as suspended (since 1.6). */
    public void suspendServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, SUSPEND_SERVER, ctx, server);
    }

    /** Rebuild a server in place from its row's new image and attributes (since 1.6). */
    public void rebuildServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, REBUILD_SERVER, ctx, server);
    }

    /** Resize a server in place to the {@code new_flavor} its row holds (since 1.7). */
    public void resizeServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, RESIZE_SERVER, ctx, server);
    }

    /** Keep a resized server's new flavor (since 1.7). */
    public void confirmResize(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, CONFIRM_RESIZE, ctx, server);
    }

    /** Take a resized server back to its old flavor (since 1.7). */
    public void revertResize(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, REVERT_RESIZE, ctx, server);
    }

    /** The version a method goes out at under this service's cap ({@code windlass.rpc.version-cap.conductor}). */
    public RpcVersion versionFor(RpcMethod<?> method) {
        return rpc.versionFor(RpcTopics.CONDUCTOR, method);
    }

    /** Make the image its row describes from its workload, on the workload's host (since 1.8). */
    public void snapshotWorkload(RequestContext ctx, ImageRef image) {
        casts.cast(RpcTopics.CONDUCTOR, SNAPSHOT_WORKLOAD, ctx, image);
    }

    /**
     * Shelve the server as its task state says (since 1.10): {@code shelving} commits it to its shelved image
     * (and offloads it when shelved servers are offloaded at once), {@code shelving_offloading} offloads it.
     */
    public void shelveServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, SHELVE_SERVER, ctx, server);
    }

    /** Power a shelved server on again, or schedule and spawn an offloaded one from its shelved image (since 1.10). */
    public void unshelveServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, UNSHELVE_SERVER, ctx, server);
    }

    /** The {@code zun_images} row is Pulling; have its host get the image (since 1.12). */
    /** A slice of an uploaded image's bytes (a call: the host waits for each slice). */
    public ImageData imageData(RequestContext ctx, ImageDataRequest request) {
        return rpc.call(RpcTopics.CONDUCTOR, IMAGE_DATA, ctx, request, ImageData.class, callTimeout);
    }

    /** A slice of an image a host pushes into the store (a call: the host sends the next once it is written). */
    public ImageDataStored storeImageData(RequestContext ctx, ImageDataWrite write) {
        return rpc.call(RpcTopics.CONDUCTOR, STORE_IMAGE_DATA, ctx, write, ImageDataStored.class, callTimeout);
    }

    public void imagePull(RequestContext ctx, ImagePullRef image) {
        casts.cast(RpcTopics.CONDUCTOR, IMAGE_PULL, ctx, image);
    }

    /** A host's outcome of a Zun image pull (since 1.12). */
    public void reportImagePull(RequestContext ctx, ImagePullReport report) {
        casts.cast(RpcTopics.CONDUCTOR, REPORT_IMAGE_PULL, ctx, report);
    }

    /** Move a server to another host, cold (since 1.15): the row holds the flavor it moves to in {@code new_flavor}. */
    public void migrateServer(RequestContext ctx, MigrateServer request) {
        casts.cast(RpcTopics.CONDUCTOR, MIGRATE_SERVER, ctx, request);
    }

    /** Rescue a server from the image named (since 1.14). */
    public void rescueServer(RequestContext ctx, RescueServer request) {
        casts.cast(RpcTopics.CONDUCTOR, RESCUE_SERVER, ctx, request);
    }

    /** End a server's rescue (since 1.14). */
    public void unrescueServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, UNRESCUE_SERVER, ctx, server);
    }

    /** Thaw a suspended server (since 1.6). */
    public void resumeServer(RequestContext ctx, ServerRef server) {
        casts.cast(RpcTopics.CONDUCTOR, RESUME_SERVER, ctx, server);
    }

    public void evacuateServer(RequestContext ctx, EvacuateServer request) {
        casts.cast(RpcTopics.CONDUCTOR, EVACUATE_SERVER, ctx, request);
    }

    /** The API bound the port to the workload and recorded it; have the workload's host connect it (since 1.5). */
    public void attachInterface(RequestContext ctx, InterfaceChange change) {
        casts.cast(RpcTopics.CONDUCTOR, ATTACH_INTERFACE, ctx, change);
    }

    /** Security groups changed: send the hosts they concern their port filters again (since 1.5). */
    public void refreshPortFilters(RequestContext ctx, SecurityGroupsChanged change) {
        casts.cast(RpcTopics.CONDUCTOR, REFRESH_PORT_FILTERS, ctx, change);
    }

    /** Have the workload's host disconnect the port, then release it (since 1.5). */
    public void detachInterface(RequestContext ctx, InterfaceChange change) {
        casts.cast(RpcTopics.CONDUCTOR, DETACH_INTERFACE, ctx, change);
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

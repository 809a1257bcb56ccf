package io.windlass.conductor.rpc;

import io.windlass.image.StoredImageSlices;
import io.windlass.image.WorkloadSnapshots;
import io.quarkus.runtime.StartupEvent;
import io.windlass.aggregate.workflow.ImageCacheFanout;
import io.windlass.aggregate.workflow.ImageCacheProgress;
import io.windlass.capsule.CapsuleManager;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.container.ContainerManager;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.context.RequestContext;
import io.windlass.host.HostState;
import io.windlass.host.persistence.HostHeartbeatRecorder;
import io.windlass.image.CacheImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcHandler;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RpcTopics;
import io.windlass.server.ServerManager;
import io.windlass.server.ServerOperation;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerStatusReport;
import io.windlass.workload.WorkloadInterfaces;
import io.windlass.zunimage.ZunImagePulls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.BiConsumer;

/** Serves the {@code conductor} topic at {@link ConductorRpcApi#VERSION}: each method to its manager. */
@ApplicationScoped
public class ConductorEndpoint {
    private final RpcServer server;
    private final ConductorConfig config;
    private final ContainerManager containers;
    private final CapsuleManager capsules;
    private final ServerManager servers;
    private final HostHeartbeatRecorder heartbeats;
    private final ImageCacheFanout imageCache;
    private final ImageCacheProgress imageCacheProgress;
    private final WorkloadInterfaces interfaces;
    private final WorkloadSnapshots snapshots;
    private final ZunImagePulls imagePulls;
    private final StoredImageSlices storedImages;

    public ConductorEndpoint(RpcServer server, ConductorConfig config, ContainerManager containers,
                             CapsuleManager capsules, ServerManager servers, HostHeartbeatRecorder heartbeats,
                             ImageCacheFanout imageCache, ImageCacheProgress imageCacheProgress,
                             WorkloadInterfaces interfaces, WorkloadSnapshots snapshots, ZunImagePulls imagePulls,
                             StoredImageSlices storedImages) {
        this.storedImages = storedImages;
        this.interfaces = interfaces;
        this.imagePulls = imagePulls;
        this.snapshots = snapshots;
        this.server = server;
        this.config = config;
        this.containers = containers;
        this.capsules = capsules;
        this.servers = servers;
        this.heartbeats = heartbeats;
        this.imageCache = imageCache;
        this.imageCacheProgress = imageCacheProgress;
    }

    void serve(@Observes StartupEvent event) {
        server.serve(new RpcEndpoint(RpcTopics.CONDUCTOR, ConductorRpcApi.VERSION)
                .on(ConductorRpcApi.BUILD_CONTAINER, cast(containers::build))
                .on(ConductorRpcApi.CONTAINER_ACTION, cast(containers::act))
                .on(ConductorRpcApi.DELETE_CONTAINER, cast(containers::delete))
                .on(ConductorRpcApi.RESIZE_CONTAINER, cast(containers::resize))
                .on(ConductorRpcApi.REPORT_CONTAINER_STATUS, cast(containers::report))
                .on(ConductorRpcApi.BUILD_CAPSULE, cast(capsules::build))
                .on(ConductorRpcApi.DELETE_CAPSULE, cast(capsules::delete))
                .on(ConductorRpcApi.REPORT_CAPSULE_STATUS, cast(capsules::report))
                .on(ConductorRpcApi.BUILD_SERVER, cast(servers::build))
                .on(ConductorRpcApi.SERVER_ACTION, cast(servers::act))
                .on(ConductorRpcApi.DELETE_SERVER, cast(servers::delete))
                .on(ConductorRpcApi.REPORT_SERVER_STATUS, cast(servers::report))
                .on(ConductorRpcApi.EVACUATE_SERVER, cast(servers::evacuate))
                .on(ConductorRpcApi.REBUILD_SERVER, cast(servers::rebuild))
                .on(ConductorRpcApi.RESIZE_SERVER, cast(servers::resize))
                .on(ConductorRpcApi.CONFIRM_RESIZE, cast(servers::confirmResize))
                .on(ConductorRpcApi.MIGRATE_SERVER, cast(servers::migrate))
                .on(ConductorRpcApi.REVERT_RESIZE, cast(servers::revertResize))
                .on(ConductorRpcApi.SUSPEND_SERVER, cast(servers::suspend))
                .on(ConductorRpcApi.RESCUE_SERVER, cast(servers::rescue))
                .on(ConductorRpcApi.UNRESCUE_SERVER, cast(servers::unrescue))
                .on(ConductorRpcApi.SNAPSHOT_WORKLOAD, cast(snapshots::snapshot))
                .on(ConductorRpcApi.IMAGE_PULL, cast(imagePulls::pull))
                .on(ConductorRpcApi.IMAGE_DATA, storedImages::slice)
                .on(ConductorRpcApi.STORE_IMAGE_DATA, storedImages::write)
                .on(ConductorRpcApi.REPORT_IMAGE_PULL, cast(imagePulls::report))
                .on(ConductorRpcApi.RESUME_SERVER, cast(servers::resume))
                .on(ConductorRpcApi.SHELVE_SERVER, cast(servers::shelve))
                .on(ConductorRpcApi.UNSHELVE_SERVER, cast(servers::unshelve))
                .on(ConductorRpcApi.ATTACH_INTERFACE, cast(interfaces::attach))
                .on(ConductorRpcApi.DETACH_INTERFACE, cast(interfaces::detach))
                .on(ConductorRpcApi.REFRESH_PORT_FILTERS, cast(interfaces::refreshFilters))
                .on(ConductorRpcApi.REPORT_HOST_STATE, (ctx, r) -> {
                    heartbeats.record(r);
                    return null;
                })
                .on(ConductorRpcApi.CACHE_IMAGES, cast(imageCache::fanOut))
                .on(ConductorRpcApi.REPORT_IMAGE_CACHE, (ctx, r) -> {
                    imageCacheProgress.record(r);
                    return null;
                }), config.rpcConsumers());
    }

    /** A method with no reply (a cast, or a call answered with success or its failure). */
    private static <A> RpcHandler<A> cast(BiConsumer<RequestContext, A> method) {
        return (ctx, args) -> {
            method.accept(ctx, args);
            return null;
        };
    }
}

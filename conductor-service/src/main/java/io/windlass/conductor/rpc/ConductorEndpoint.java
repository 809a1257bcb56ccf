package io.windlass.conductor.rpc;

import io.quarkus.runtime.StartupEvent;
import io.windlass.aggregate.workflow.ImageCacheFanout;
import io.windlass.aggregate.workflow.ImageCacheProgress;
import io.windlass.capsule.CapsuleRef;
import io.windlass.capsule.CapsuleStatusReport;
import io.windlass.capsule.workflow.CapsuleBuildWorkflow;
import io.windlass.capsule.workflow.CapsuleDeleteWorkflow;
import io.windlass.capsule.workflow.CapsuleReportWorkflow;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.image.CacheImages;
import io.windlass.image.ImageCacheReport;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerStatusReport;
import io.windlass.container.DeleteContainer;
import io.windlass.container.ResizeContainer;
import io.windlass.container.workflow.ActionWorkflow;
import io.windlass.container.workflow.BuildWorkflow;
import io.windlass.container.workflow.DeleteWorkflow;
import io.windlass.container.workflow.ResizeWorkflow;
import io.windlass.container.workflow.StatusReportWorkflow;
import io.windlass.host.persistence.HostHeartbeatRecorder;
import io.windlass.host.HostState;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcServer;
import io.windlass.rpc.RpcTopics;
import io.windlass.server.workflow.ServerRpcHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Serves the {@code conductor} topic at {@link ConductorRpcApi#VERSION}. */
@ApplicationScoped
public class ConductorEndpoint {
    private final RpcServer server;
    private final ConductorConfig config;
    private final BuildWorkflow build;
    private final ActionWorkflow action;
    private final DeleteWorkflow delete;
    private final ResizeWorkflow resize;
    private final StatusReportWorkflow reports;
    private final HostHeartbeatRecorder heartbeats;
    private final ImageCacheFanout imageCache;
    private final ImageCacheProgress imageCacheProgress;
    private final CapsuleBuildWorkflow capsuleBuild;
    private final CapsuleDeleteWorkflow capsuleDelete;
    private final CapsuleReportWorkflow capsuleReports;
    private final ServerRpcHandlers servers;

    public ConductorEndpoint(RpcServer server, ConductorConfig config, BuildWorkflow build, ActionWorkflow action,
                             DeleteWorkflow delete, ResizeWorkflow resize, StatusReportWorkflow reports,
                             HostHeartbeatRecorder heartbeats, ImageCacheFanout imageCache,
                             ImageCacheProgress imageCacheProgress, CapsuleBuildWorkflow capsuleBuild,
                             CapsuleDeleteWorkflow capsuleDelete, CapsuleReportWorkflow capsuleReports,
                             ServerRpcHandlers servers) {
        this.server = server;
        this.config = config;
        this.build = build;
        this.action = action;
        this.delete = delete;
        this.resize = resize;
        this.reports = reports;
        this.heartbeats = heartbeats;
        this.imageCache = imageCache;
        this.imageCacheProgress = imageCacheProgress;
        this.capsuleBuild = capsuleBuild;
        this.capsuleDelete = capsuleDelete;
        this.capsuleReports = capsuleReports;
        this.servers = servers;
    }

    void serve(@Observes StartupEvent event) {
        server.serve(servers.register(new RpcEndpoint(RpcTopics.CONDUCTOR, ConductorRpcApi.VERSION)
                .on(ConductorRpcApi.BUILD_CONTAINER, BuildContainer.class, (ctx, r) -> {
                    build.build(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.CONTAINER_ACTION, ContainerOperation.class, (ctx, r) -> {
                    action.act(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.DELETE_CONTAINER, DeleteContainer.class, (ctx, r) -> {
                    delete.delete(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.RESIZE_CONTAINER, ResizeContainer.class, (ctx, r) -> {
                    resize.resize(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.REPORT_CONTAINER_STATUS, ContainerStatusReport.class, (ctx, r) -> {
                    reports.apply(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.REPORT_HOST_STATE, HostState.class, (ctx, r) -> {
                    heartbeats.record(r);
                    return null;
                })
                .on(ConductorRpcApi.CACHE_IMAGES, CacheImages.class, (ctx, r) -> {
                    imageCache.fanOut(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.REPORT_IMAGE_CACHE, ImageCacheReport.class, (ctx, r) -> {
                    imageCacheProgress.record(r);
                    return null;
                })
                .on(ConductorRpcApi.BUILD_CAPSULE, CapsuleRef.class, (ctx, r) -> {
                    capsuleBuild.build(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.DELETE_CAPSULE, CapsuleRef.class, (ctx, r) -> {
                    capsuleDelete.delete(ctx, r);
                    return null;
                })
                .on(ConductorRpcApi.REPORT_CAPSULE_STATUS, CapsuleStatusReport.class, (ctx, r) -> {
                    capsuleReports.apply(ctx, r);
                    return null;
                })), config.rpcConsumers());
    }
}

package io.windlass.compute;

import io.windlass.capsule.CreateCapsule;
import io.windlass.capsule.DeleteCapsule;
import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ContainerOperation;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.ContainerStats;
import io.windlass.container.CreateContainer;
import io.windlass.container.DeleteContainer;
import io.windlass.container.FindVolumes;
import io.windlass.container.GetContainerArchive;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.OpenConsole;
import io.windlass.container.PutContainerArchive;
import io.windlass.container.ResizeContainer;
import io.windlass.container.ResizeContainerExec;
import io.windlass.container.ResizeContainerTty;
import io.windlass.context.RequestContext;
import io.windlass.image.CacheHostImages;
import io.windlass.image.CommitWorkload;
import io.windlass.image.CommittedImage;
import io.windlass.image.RemoveImage;
import io.windlass.image.StoreImage;
import io.windlass.network.AttachPort;
import io.windlass.network.DetachPort;
import io.windlass.network.UpdateNetworkPeers;
import io.windlass.network.UpdatePortFilters;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcMethod;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;
import io.windlass.server.ResizeServer;
import io.windlass.server.ShelveServer;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerOperation;
import io.windlass.server.RescueServer;
import io.windlass.server.ServerRef;
import io.windlass.server.ServerSpec;
import io.windlass.server.SetAdminPassword;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;
import io.windlass.zunimage.DeleteImage;
import io.windlass.zunimage.PullImage;
import io.windlass.zunimage.SearchImages;

import java.time.Duration;

/**
 * Client side of the compute agent's RPC API (topic {@code compute.<host>}).
 * <p>Version history: 1.0 containers (create, action, delete, resize, stats); 1.1 {@code cache_images}; 1.2 {@code create_capsule}, {@code delete_capsule};
 * 1.3 {@code spawn_server}, {@code server_action}, {@code destroy_server} (Nova servers); 1.4 {@link ServerSpec}
 * gained {@code stopped} (an evacuated server left powered off), which a 1.3 agent ignores; 1.5 tenant networks:
 * {@link CreateContainer}, {@link CreateCapsule} and {@link ServerSpec} gained {@code networks} (the workload's
 * ports), and {@code update_network_peers}. A 1.4 agent would ignore the ports, so the conductor does not place a
 * workload with ports under a cap below 1.5; 1.6 {@code attach_port} and {@code detach_port} (interfaces added to and
 * taken from a placed workload: Zun's {@code network_attach}/{@code network_detach}, Nova's {@code os-interface});
 * 1.7 {@code update_port_filters} (security groups' ingress rules enforced on the host); 1.8 {@link ServerSpec} gained
 * {@code key} (the server's key pair, on its config drive and as root's authorized key), which a 1.7 agent ignores;
 * 1.9 {@code workload_logs} (a container's or server's engine log, for Zun's {@code logs} and Nova's
 * {@code os-getConsoleOutput}); 1.10 {@code suspend_server}, {@code resume_server} (the guest frozen and thawed,
 * answered by {@code conductor.report_server_status}), {@code rebuild_server} (the engine workload replaced from a
 * new spec on the same ports); 1.11 {@code container_exec}, {@code container_exec_resize}, {@code container_top},
 * {@code container_get_archive}, {@code container_put_archive} (Zun's {@code execute}, {@code execute_resize},
 * {@code top}, {@code get_archive} and {@code put_archive}: calls into a container on its host, named as Zun's
 * compute RPC names them); 1.12 {@code resize_server} (a call: a server's limits changed in place); 1.13
 * {@code set_admin_password} (a call: root's password set in a running server's guest, Nova's
 * {@code changePassword}; RemoteException {@link #PASSWORD_SET_FAILED} with the reason, or {@code ServerNotFound});
 * 1.14 {@code commit_workload} (a call: a server's or container's engine container committed to an image, for
 * Nova's createImage and createBackup and Zun's commit) and {@code remove_image} (a cast: such an image deleted);
 * 1.15 {@link io.windlass.container.ContainerSpec} gained {@code exposedPorts}, {@code healthcheck}, {@code mounts},
 * {@code runtime} and {@code cpuPolicy}
 * (Zun's create fields), which a 1.14 agent would ignore: the conductor fails a container that has any of them
 * rather than send it under a cap below 1.15; and {@code find_volumes}
 * (a call: which engine volumes a host has for a project, before a container mounting them is accepted);
 * 1.16 {@link ContainerOperation} gained {@code signal} (a kill's signal, Zun's {@code kill?signal=}), which a
 * 1.15 agent would ignore and kill with SIGKILL: the conductor does not send such a kill under a cap below 1.16;
 * 1.17 consoles: {@link ContainerExec} gained {@code interactive} (an exec instance with a terminal and stdin),
 * {@code open_console} (a call: the host relays an interactive exec's or the main process's terminal, or a followed
 * log, over the session's queues, {@link io.windlass.console.ConsoleQueues}) and {@code container_resize} (a call: the
 * main process's terminal resized, Zun's {@code resize}); the api-service sends none of them under a lower cap;
 * 1.18 {@code shelve_server} (a call: Nova's shelve and shelve offload on the host, the server powered off, committed
 * to its shelved image and, when offloaded, removed); 1.19 Zun's images API, named as Zun's compute RPC names
 * them: {@code image_pull} (a cast: an image got onto the host, kept when the engine has it, else pulled; answered by
 * {@code conductor.report_image_pull}), {@code image_delete} (a call: the image removed from the engine; RemoteException
 * {@link DeleteImage#IN_USE} while a container uses it) and {@code image_search} (a call: the engine's registry searched);
 * 1.20 {@link io.windlass.container.ContainerSpec} gained {@code registryLogin} (Zun's private registry: the login
 * the host pulls the image with), which an older agent would ignore and pull without: the conductor fails a
 * container that needs one rather than send it under a cap below 1.20; 1.21 {@link io.windlass.container.ContainerSpec}
 * gained {@code privileged} (Zun's: extended privileges for the engine container), which an older agent would ignore:
 * the conductor fails a privileged container rather than send it under a cap below 1.21; 1.22 {@code store_image}
 * (the host pushes an image it holds into the image store: a shelved server's, after the shelve), which is not sent
 * under a lower cap: the image then stays on its host only, as before; 1.23 {@code rescue_server} and
 * {@code unrescue_server} (Nova's rescue: the guest frozen and a rescue system started on its addresses with its
 * filesystem; unrescue removes it and restarts the guest), which the api-service refuses to ask for under a lower cap;
 * 1.24 {@code server_diagnostics} (a call: what the host reads of a running server, {@link ServerDiagnostics}, for
 * Nova's {@code GET /servers/{id}/diagnostics}; RemoteException {@link #INSTANCE_INVALID_STATE} when it does not
 * run), which the api-service refuses to ask for under a lower cap.
 * Each method names the version that introduced it; under a version cap
 * ({@code windlass.rpc.version-cap.compute}) a newer one is not sent ({@link io.windlass.rpc.RpcVersionCapExceeded}).
 */
public class ComputeRpcApi {
    private static final RpcVersion V1_0 = new RpcVersion(1, 0);
    private static final RpcVersion V1_1 = new RpcVersion(1, 1);
    private static final RpcVersion V1_2 = new RpcVersion(1, 2);
    private static final RpcVersion V1_3 = new RpcVersion(1, 3);
    private static final RpcVersion V1_4 = new RpcVersion(1, 4);
    private static final RpcVersion V1_5 = new RpcVersion(1, 5);
    private static final RpcVersion V1_6 = new RpcVersion(1, 6);
    private static final RpcVersion V1_7 = new RpcVersion(1, 7);
    private static final RpcVersion V1_8 = new RpcVersion(1, 8);
    private static final RpcVersion V1_9 = new RpcVersion(1, 9);
    private static final RpcVersion V1_10 = new RpcVersion(1, 10);
    private static final RpcVersion V1_11 = new RpcVersion(1, 11);
    private static final RpcVersion V1_12 = new RpcVersion(1, 12);
    private static final RpcVersion V1_13 = new RpcVersion(1, 13);
    private static final RpcVersion V1_14 = new RpcVersion(1, 14);
    private static final RpcVersion V1_15 = new RpcVersion(1, 15);
    private static final RpcVersion V1_16 = new RpcVersion(1, 16);
    private static final RpcVersion V1_17 = new RpcVersion(1, 17);
    private static final RpcVersion V1_18 = new RpcVersion(1, 18);
    private static final RpcVersion V1_19 = new RpcVersion(1, 19);
    private static final RpcVersion V1_20 = new RpcVersion(1, 20);
    private static final RpcVersion V1_21 = new RpcVersion(1, 21);
    private static final RpcVersion V1_22 = new RpcVersion(1, 22);
    private static final RpcVersion V1_23 = new RpcVersion(1, 23);
    private static final RpcVersion V1_24 = new RpcVersion(1, 24);
    /** This build's API: the newest method's version. */
    public static final RpcVersion VERSION = V1_24;
    /** The version from which agents pull a container's image with its registry's login. */
    public static final RpcVersion REGISTRY_LOGINS = V1_20;
    /** The version from which agents give a container extended privileges (Zun's {@code privileged}). */
    public static final RpcVersion PRIVILEGED = V1_21;
    /** The version from which agents send a kill's {@link ContainerOperation#signal()} (older ones send SIGKILL). */
    public static final RpcVersion KILL_SIGNALS = V1_16;
    /** The RemoteException type of a password the guest did not take (Nova's InstancePasswordSetFailed); its message is the reason. */
    public static final String PASSWORD_SET_FAILED = "InstancePasswordSetFailed";
    /**
     * The RemoteException type of a server whose power state does not allow what was asked (Nova's
     * InstanceInvalidState); its message is Nova's API answer.
     */
    public static final String INSTANCE_INVALID_STATE = "InstanceInvalidState";
    /** The version from which agents honour a container's exposed ports, health check, mounts, runtime, CPU policy. */
    public static final RpcVersion CONTAINER_FIELDS = V1_15;
    /** The version from which agents put a workload on its ports ({@code networks} in its create). */
    public static final RpcVersion TENANT_NETWORKS = V1_5;
    /** The version from which agents leave a server spawned with {@link ServerSpec#stopped()} powered off. */
    public static final RpcVersion SPAWNS_STOPPED = V1_4;

    /**
     * 1.5: gained {@code networks}; 1.15: the spec gained Zun's exposed ports, health check, mounts, runtime, CPU
     * policy; 1.20: its registry login; 1.21: {@code privileged}.
     */
    public static final RpcMethod<CreateContainer> CREATE_CONTAINER =
            RpcMethod.of("create_container", CreateContainer.class, V1_0).changedIn(V1_5).changedIn(V1_15)
                    .changedIn(V1_20).changedIn(V1_21);
    public static final RpcMethod<ContainerOperation> CONTAINER_ACTION =
            RpcMethod.of("container_action", ContainerOperation.class, V1_0).changedIn(V1_16);
    public static final RpcMethod<DeleteContainer> DELETE_CONTAINER =
            RpcMethod.of("delete_container", DeleteContainer.class, V1_0);
    public static final RpcMethod<ResizeContainer> RESIZE_CONTAINER =
            RpcMethod.of("resize_container", ResizeContainer.class, V1_0);
    public static final RpcMethod<ContainerRef> CONTAINER_STATS =
            RpcMethod.of("container_stats", ContainerRef.class, V1_0);
    public static final RpcMethod<CacheHostImages> CACHE_IMAGES =
            RpcMethod.of("cache_images", CacheHostImages.class, V1_1);
    /** 1.5: gained {@code networks}. */
    public static final RpcMethod<CreateCapsule> CREATE_CAPSULE =
            RpcMethod.of("create_capsule", CreateCapsule.class, V1_2).changedIn(V1_5);
    public static final RpcMethod<DeleteCapsule> DELETE_CAPSULE =
            RpcMethod.of("delete_capsule", DeleteCapsule.class, V1_2);
    /** 1.4: the spec gained {@code stopped}; 1.5: {@code networks}; 1.8: {@code key}. */
    public static final RpcMethod<ServerSpec> SPAWN_SERVER = RpcMethod.of("spawn_server", ServerSpec.class, V1_3)
            .changedIn(V1_4).changedIn(V1_5).changedIn(V1_8);
    public static final RpcMethod<UpdateNetworkPeers> UPDATE_NETWORK_PEERS =
            RpcMethod.of("update_network_peers", UpdateNetworkPeers.class, V1_5);
    public static final RpcMethod<AttachPort> ATTACH_PORT = RpcMethod.of("attach_port", AttachPort.class, V1_6);
    public static final RpcMethod<DetachPort> DETACH_PORT = RpcMethod.of("detach_port", DetachPort.class, V1_6);
    public static final RpcMethod<UpdatePortFilters> UPDATE_PORT_FILTERS =
            RpcMethod.of("update_port_filters", UpdatePortFilters.class, V1_7);
    public static final RpcMethod<WorkloadLogs> WORKLOAD_LOGS =
            RpcMethod.of("workload_logs", WorkloadLogs.class, V1_9);
    /** 1.17: gained {@code interactive}. */
    public static final RpcMethod<ContainerExec> CONTAINER_EXEC =
            RpcMethod.of("container_exec", ContainerExec.class, V1_11).changedIn(V1_17);
    public static final RpcMethod<OpenConsole> OPEN_CONSOLE = RpcMethod.of("open_console", OpenConsole.class, V1_17);
    public static final RpcMethod<ResizeContainerTty> CONTAINER_RESIZE =
            RpcMethod.of("container_resize", ResizeContainerTty.class, V1_17);
    public static final RpcMethod<ResizeContainerExec> CONTAINER_EXEC_RESIZE =
            RpcMethod.of("container_exec_resize", ResizeContainerExec.class, V1_11);
    public static final RpcMethod<ListContainerProcesses> CONTAINER_TOP =
            RpcMethod.of("container_top", ListContainerProcesses.class, V1_11);
    public static final RpcMethod<GetContainerArchive> CONTAINER_GET_ARCHIVE =
            RpcMethod.of("container_get_archive", GetContainerArchive.class, V1_11);
    public static final RpcMethod<PutContainerArchive> CONTAINER_PUT_ARCHIVE =
            RpcMethod.of("container_put_archive", PutContainerArchive.class, V1_11);
    public static final RpcMethod<FindVolumes> FIND_VOLUMES =
            RpcMethod.of("find_volumes", FindVolumes.class, V1_15);
    public static final RpcMethod<ServerOperation> SERVER_ACTION =
            RpcMethod.of("server_action", ServerOperation.class, V1_3);
    public static final RpcMethod<ServerRef> DESTROY_SERVER = RpcMethod.of("destroy_server", ServerRef.class, V1_3);
    public static final RpcMethod<ServerRef> SUSPEND_SERVER = RpcMethod.of("suspend_server", ServerRef.class, V1_10);
    public static final RpcMethod<ServerRef> RESUME_SERVER = RpcMethod.of("resume_server", ServerRef.class, V1_10);
    public static final RpcMethod<ServerSpec> REBUILD_SERVER = RpcMethod.of("rebuild_server", ServerSpec.class, V1_10);
    public static final RpcMethod<ResizeServer> RESIZE_SERVER = RpcMethod.of("resize_server", ResizeServer.class,
            V1_12);
    public static final RpcMethod<SetAdminPassword> SET_ADMIN_PASSWORD = RpcMethod.of("set_admin_password",
            SetAdminPassword.class, V1_13);
    public static final RpcMethod<CommitWorkload> COMMIT_WORKLOAD = RpcMethod.of("commit_workload",
            CommitWorkload.class, V1_14);
    public static final RpcMethod<RemoveImage> REMOVE_IMAGE = RpcMethod.of("remove_image", RemoveImage.class, V1_14);
    public static final RpcMethod<StoreImage> STORE_IMAGE = RpcMethod.of("store_image", StoreImage.class, V1_22);
    public static final RpcMethod<RescueServer> RESCUE_SERVER = RpcMethod.of("rescue_server", RescueServer.class, V1_23);
    public static final RpcMethod<ServerRef> UNRESCUE_SERVER = RpcMethod.of("unrescue_server", ServerRef.class, V1_23);
    public static final RpcMethod<ServerRef> SERVER_DIAGNOSTICS = RpcMethod.of("server_diagnostics", ServerRef.class,
            V1_24);
    public static final RpcMethod<ShelveServer> SHELVE_SERVER = RpcMethod.of("shelve_server", ShelveServer.class,
            V1_18);
    public static final RpcMethod<PullImage> IMAGE_PULL = RpcMethod.of("image_pull", PullImage.class, V1_19);
    public static final RpcMethod<DeleteImage> IMAGE_DELETE = RpcMethod.of("image_delete", DeleteImage.class, V1_19);
    public static final RpcMethod<SearchImages> IMAGE_SEARCH = RpcMethod.of("image_search", SearchImages.class,
            V1_19);

    private final RpcClient rpc;
    private final Duration callTimeout;

    public ComputeRpcApi(RpcClient rpc, Duration callTimeout) {
        this.rpc = rpc;
        this.callTimeout = callTimeout;
    }

    public void createContainer(String host, RequestContext ctx, CreateContainer request) {
        rpc.cast(RpcTopics.compute(host), CREATE_CONTAINER, ctx, request);
    }

    public void containerAction(String host, RequestContext ctx, ContainerOperation operation) {
        rpc.cast(RpcTopics.compute(host), CONTAINER_ACTION, ctx, operation);
    }

    public void deleteContainer(String host, RequestContext ctx, DeleteContainer request) {
        rpc.cast(RpcTopics.compute(host), DELETE_CONTAINER, ctx, request);
    }

    /** Synchronous: the caller answers the user with the outcome. */
    public void resizeContainer(String host, RequestContext ctx, ResizeContainer request) {
        rpc.call(RpcTopics.compute(host), RESIZE_CONTAINER, ctx, request, Void.class, callTimeout);
    }

    /** Synchronous: one sample from the engine (about a second with Docker). */
    public ContainerStats containerStats(String host, RequestContext ctx, String uuid) {
        return rpc.call(RpcTopics.compute(host), CONTAINER_STATS, ctx, new ContainerRef(uuid), ContainerStats.class,
                callTimeout);
    }

    /**
     * Synchronous (since 1.9): the workload's engine log as its host reads it.
     *
     * @throws io.windlass.rpc.RpcVersionCapExceeded when the agents under the compute cap are older than 1.9
     */
    public WorkloadLog workloadLogs(String host, RequestContext ctx, WorkloadLogs request) {
        return rpc.call(RpcTopics.compute(host), WORKLOAD_LOGS, ctx, request, WorkloadLog.class, callTimeout);
    }

    /**
     * Synchronous (since 1.11): the command run in the container (or its exec instance only made),
     * answered once it ended; the host gives up on it after its execute timeout (RemoteException
     * {@code ExecTimeout}).
     */
    public ContainerExecResult containerExec(String host, RequestContext ctx, ContainerExec request) {
        return rpc.call(RpcTopics.compute(host), CONTAINER_EXEC, ctx, request, ContainerExecResult.class, callTimeout);
    }

    /** Synchronous (since 1.11): an exec instance's terminal resized. */
    public void containerExecResize(String host, RequestContext ctx, ResizeContainerExec request) {
        rpc.call(RpcTopics.compute(host), CONTAINER_EXEC_RESIZE, ctx, request, Void.class, callTimeout);
    }

    /**
     * Synchronous (since 1.17): the host has opened its end of the console session (its queue
     * consumed, the stream started), or a RemoteException ({@code ContainerNotFound}, {@code Invalid},
     * {@code EngineError}).
     */
    public void openConsole(String host, RequestContext ctx, OpenConsole request) {
        rpc.call(RpcTopics.compute(host), OPEN_CONSOLE, ctx, request, Void.class, callTimeout);
    }

    /** Synchronous (since 1.17): the terminal of the container's main process resized. */
    public void containerResize(String host, RequestContext ctx, ResizeContainerTty request) {
        rpc.call(RpcTopics.compute(host), CONTAINER_RESIZE, ctx, request, Void.class, callTimeout);
    }

    /** Synchronous (since 1.15): which of the engine volumes the host has for the project. */
    public FindVolumes.Found findVolumes(String host, RequestContext ctx, FindVolumes request) {
        return rpc.call(RpcTopics.compute(host), FIND_VOLUMES, ctx, request, FindVolumes.Found.class, callTimeout);
    }

    /** Synchronous (since 1.11): the container's processes. */
    public ContainerProcesses containerTop(String host, RequestContext ctx, ListContainerProcesses request) {
        return rpc.call(RpcTopics.compute(host), CONTAINER_TOP, ctx, request, ContainerProcesses.class, callTimeout);
    }

    /** Synchronous (since 1.11): a path of the container as a tar archive, at most the request's size. */
    public ContainerArchive containerGetArchive(String host, RequestContext ctx, GetContainerArchive request) {
        return rpc.call(RpcTopics.compute(host), CONTAINER_GET_ARCHIVE, ctx, request, ContainerArchive.class,
                callTimeout);
    }

    /** Synchronous (since 1.11): a tar archive extracted into the container, done when this returns. */
    public void containerPutArchive(String host, RequestContext ctx, PutContainerArchive request) {
        rpc.call(RpcTopics.compute(host), CONTAINER_PUT_ARCHIVE, ctx, request, Void.class, callTimeout);
    }

    /** Fetch images onto the host ahead of use; the agent answers with {@code conductor.report_image_cache} (since 1.1). */
    public void cacheImages(String host, RequestContext ctx, CacheHostImages request) {
        rpc.cast(RpcTopics.compute(host), CACHE_IMAGES, ctx, request);
    }

    /** Create a capsule's sandbox, volumes and members; answered by {@code conductor.report_capsule_status} (since 1.2). */
    public void createCapsule(String host, RequestContext ctx, CreateCapsule request) {
        rpc.cast(RpcTopics.compute(host), CREATE_CAPSULE, ctx, request);
    }

    /** Remove a capsule's members, sandbox and auto-remove volumes (since 1.2). */
    public void deleteCapsule(String host, RequestContext ctx, DeleteCapsule request) {
        rpc.cast(RpcTopics.compute(host), DELETE_CAPSULE, ctx, request);
    }

    /**
     * The version {@code method} goes out at to the agents, under the compute cap.
     *
     * @throws io.windlass.rpc.RpcVersionCapExceeded when the agents under the cap do not have it
     */
    public RpcVersion versionFor(RpcMethod<?> method) {
        return rpc.versionFor(RpcTopics.COMPUTE, method);
    }

    /** Spawn (create and power on) a server; answered by {@code conductor.report_server_status} (since 1.3). */
    public void spawnServer(String host, RequestContext ctx, ServerSpec spec) {
        rpc.cast(RpcTopics.compute(host), SPAWN_SERVER, ctx, spec);
    }

    /** A power action on a server; answered by {@code conductor.report_server_status} (since 1.3). */
    public void serverAction(String host, RequestContext ctx, ServerOperation operation) {
        rpc.cast(RpcTopics.compute(host), SERVER_ACTION, ctx, operation);
    }

    /** Freeze a server's guest; answered by {@code conductor.report_server_status} (since 1.10). */
    public void suspendServer(String host, RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.compute(host), SUSPEND_SERVER, ctx, server);
    }

    /**
     * Replace a server's engine workload and config drive from {@code spec} (new image, same uuid and
     * ports); answered by {@code conductor.report_server_status} (since 1.10).
     */
    public void rebuildServer(String host, RequestContext ctx, ServerSpec spec) {
        rpc.cast(RpcTopics.compute(host), REBUILD_SERVER, ctx, spec);
    }

    /** Synchronous (since 1.12): the server's CPU and memory limits changed in place, or a RemoteException. */
    public void resizeServer(String host, RequestContext ctx, ResizeServer request) {
        rpc.call(RpcTopics.compute(host), RESIZE_SERVER, ctx, request, Void.class, callTimeout);
    }

    /**
     * Synchronous (since 1.14): the workload's engine container committed to an image (paused while
     * the engine copies its filesystem), or a RemoteException. It may take as long as the copy: the
     * caller gives the timeout.
     */
    public CommittedImage commitWorkload(String host, RequestContext ctx, CommitWorkload request, Duration timeout) {
        return rpc.call(RpcTopics.compute(host), COMMIT_WORKLOAD, ctx, request, CommittedImage.class, timeout);
    }

    /**
     * Synchronous (since 1.18): the server powered off, committed to its shelved image (when the request
     * names one) and, when offloaded, removed from the host.
     *
     * @return the committed image, or null when the request named none (an offload of a shelved server)
     */
    public CommittedImage shelveServer(String host, RequestContext ctx, ShelveServer request, Duration timeout) {
        return rpc.call(RpcTopics.compute(host), SHELVE_SERVER, ctx, request, CommittedImage.class, timeout);
    }

    /** Get an image of Zun's images API onto the host; answered by {@code conductor.report_image_pull} (since 1.19). */
    public void imagePull(String host, RequestContext ctx, PullImage request) {
        rpc.cast(RpcTopics.compute(host), IMAGE_PULL, ctx, request);
    }

    /**
     * Synchronous (since 1.19): the image removed from the host's engine, or a RemoteException
     * ({@link DeleteImage#IN_USE} while a container uses it, {@code EngineError}).
     */
    public void imageDelete(String host, RequestContext ctx, DeleteImage request) {
        rpc.call(RpcTopics.compute(host), IMAGE_DELETE, ctx, request, Void.class, callTimeout);
    }

    /** Synchronous (since 1.19): what the registry the host's engine searches knows of the term. */
    public SearchImages.Found imageSearch(String host, RequestContext ctx, SearchImages request) {
        return rpc.call(RpcTopics.compute(host), IMAGE_SEARCH, ctx, request, SearchImages.Found.class, callTimeout);
    }

    /** Remove an image Windlass made from the host's engine (since 1.14). */
    public void removeImage(String host, RequestContext ctx, RemoveImage request) {
        rpc.cast(RpcTopics.compute(host), REMOVE_IMAGE, ctx, request);
    }

    /** The host pushes the image into the store (since 1.22). */
    public void storeImage(String host, RequestContext ctx, StoreImage request) {
        rpc.cast(RpcTopics.compute(host), STORE_IMAGE, ctx, request);
    }

    /** Synchronous (since 1.13): the guest's root password set, or RemoteException {@link #PASSWORD_SET_FAILED}. */
    public void setAdminPassword(String host, RequestContext ctx, SetAdminPassword request) {
        rpc.call(RpcTopics.compute(host), SET_ADMIN_PASSWORD, ctx, request, Void.class, callTimeout);
    }

    /**
     * Synchronous (since 1.24): what the host reads of the running server, or RemoteException
     * {@link #INSTANCE_INVALID_STATE} when it does not run (or the engine has no such server).
     *
     * @throws io.windlass.rpc.RpcVersionCapExceeded when the agents under the compute cap are older than 1.24
     */
    public ServerDiagnostics serverDiagnostics(String host, RequestContext ctx, ServerRef server) {
        return rpc.call(RpcTopics.compute(host), SERVER_DIAGNOSTICS, ctx, server, ServerDiagnostics.class,
                callTimeout);
    }

    /** Rescue a server; answered by {@code conductor.report_server_status} (since 1.23). */
    public void rescueServer(String host, RequestContext ctx, RescueServer request) {
        rpc.cast(RpcTopics.compute(host), RESCUE_SERVER, ctx, request);
    }

    /** End a server's rescue and restart its guest; answered by {@code conductor.report_server_status} (since 1.23). */
    public void unrescueServer(String host, RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.compute(host), UNRESCUE_SERVER, ctx, server);
    }

    /** Thaw a suspended server's guest; answered by {@code conductor.report_server_status} (since 1.10). */
    public void resumeServer(String host, RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.compute(host), RESUME_SERVER, ctx, server);
    }

    /** Remove a server and its config drive; answered by a {@code gone} report (since 1.3). */
    public void destroyServer(String host, RequestContext ctx, ServerRef server) {
        rpc.cast(RpcTopics.compute(host), DESTROY_SERVER, ctx, server);
    }

    /** A host began or stopped holding ports of a network {@code host} carries (since 1.5). */
    public void updateNetworkPeers(String host, RequestContext ctx, UpdateNetworkPeers request) {
        rpc.cast(RpcTopics.compute(host), UPDATE_NETWORK_PEERS, ctx, request);
    }

    /** The complete ingress filtering of the host's ports (since 1.7). */
    public void updatePortFilters(String host, RequestContext ctx, UpdatePortFilters request) {
        rpc.cast(RpcTopics.compute(host), UPDATE_PORT_FILTERS, ctx, request);
    }

    /**
     * Synchronous (since 1.6): the conductor records the interface once the host has it, and gives the
     * port back when the host refused it.
     */
    public void attachPort(String host, RequestContext ctx, AttachPort request) {
        rpc.call(RpcTopics.compute(host), ATTACH_PORT, ctx, request, Void.class, callTimeout);
    }

    /** Synchronous (since 1.6): the port is released only after the host has let it go. */
    public void detachPort(String host, RequestContext ctx, DetachPort request) {
        rpc.call(RpcTopics.compute(host), DETACH_PORT, ctx, request, Void.class, callTimeout);
    }

    /**
     * Names one container.
     *
     * @param uuid container uuid
     */
    public record ContainerRef(String uuid) {
    }
}

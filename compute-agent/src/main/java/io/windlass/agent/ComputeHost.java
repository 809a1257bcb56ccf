package io.windlass.agent;

import io.windlass.agent.capsule.CapsuleDriver;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.capsule.CapsuleManager;
import io.windlass.agent.capsule.CapsuleReports;
import io.windlass.agent.capsule.ObservedCapsule;
import io.windlass.agent.container.ContainerAccess;
import io.windlass.agent.container.ContainerDriver;
import io.windlass.agent.container.ContainerManager;
import io.windlass.agent.container.ContainerReports;
import io.windlass.agent.container.ObservedContainer;
import io.windlass.agent.image.ImageCacher;
import io.windlass.agent.network.InterfaceManager;
import io.windlass.agent.network.NetworkManager;
import io.windlass.agent.network.PortFilterManager;
import io.windlass.agent.network.PortFilters;
import io.windlass.agent.network.TenantNetworks;
import io.windlass.agent.report.HeartbeatSender;
import io.windlass.agent.server.ConfigDriveBuilder;
import io.windlass.agent.server.ObservedServer;
import io.windlass.agent.server.OrphanConfigDrives;
import io.windlass.agent.server.ServerDriver;
import io.windlass.agent.server.ServerManager;
import io.windlass.agent.server.ServerReports;
import io.windlass.agent.workload.WorkloadEvents;
import io.windlass.agent.workload.WorkloadLocks;
import io.windlass.agent.image.ImageRemover;
import io.windlass.agent.image.StoredImages;
import io.windlass.agent.image.ZunImages;
import io.windlass.agent.workload.WorkloadCommitter;
import io.windlass.image.CommitWorkload;
import io.windlass.agent.workload.WorkloadLogReader;
import io.windlass.agent.workload.WorkloadOperations;
import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.agent.workload.WorkloadSync;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.network.InterfaceChange;
import io.windlass.rpc.RpcEndpoint;
import io.windlass.rpc.RpcTopics;
import io.windlass.workload.WorkloadLogs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Everything the agent runs for one compute host, wired once: the three workload kinds
 * (containers, servers, capsules), each a driver, a reporter and a manager in the shared shells,
 * the host's {@code compute.<host>} endpoint, its heartbeat, its event follower and its sync. The
 * real agent is one of these; a simulating agent is many, on fake drivers.
 */
public final class ComputeHost {
    private final String host;
    private final ContainerManager containers;
    private final ServerManager servers;
    private final CapsuleManager capsules;
    private final NetworkManager networks;
    private final InterfaceManager interfaces;
    private final PortFilterManager portFilters;
    private final WorkloadLogReader logs;
    private final WorkloadCommitter commits;
    private final ImageRemover imageRemover;
    private final StoredImages storedImages;
    private final ContainerAccess access;
    private final ImageCacher imageCacher;
    private final ZunImages zunImages;
    private final HeartbeatSender heartbeat;
    private final WorkloadSync sync;
    private final WorkloadEvents events;

    /**
     * The drivers of one host, one per workload kind, the tenant networks their workloads' ports
     * are on (the Docker drivers wire ports themselves; these are the peer updates and the sweep),
     * and the ports' security group filtering.
     */
    public record Drivers(ContainerDriver containers, ServerDriver servers, CapsuleDriver capsules,
                         TenantNetworks networks, PortFilters portFilters) {
    }

    /**
     * What one host is told by its operator.
     *
     * @param containerStopTimeout a container stop's default grace period
     * @param serverStopTimeout    a server stop's and soft reboot's grace period
     * @param imageCachePull       a pre-cache, or a pull of Zun's images API, may pull missing images from a registry
     * @param vcpus                CPUs offered, else the engine's; likewise memory and disk
     * @param eventReconnectDelay  first wait before reopening a closed event stream
     * @param underlayAddress      the host's address between hosts, sent with every heartbeat; empty: none
     * @param executeTimeout       longest a command run in a container (Zun's execute) is waited for
     */
    public record Settings(Duration containerStopTimeout, Duration serverStopTimeout, boolean imageCachePull,
                           OptionalDouble vcpus, OptionalLong memoryMb, OptionalLong diskGb,
                           Duration eventReconnectDelay, Optional<String> underlayAddress, Duration executeTimeout) {

        /** The same settings for a host with no underlay (a simulated one: its networks are none). */
        public Settings withoutUnderlay() {
            return new Settings(containerStopTimeout, serverStopTimeout, imageCachePull, vcpus, memoryMb, diskGb,
                    eventReconnectDelay, Optional.empty(), executeTimeout);
        }
    }

    /** @param meters counts the engine's events and the event streams reopened (the drivers time their calls) */
    public ComputeHost(String host, Drivers drivers, ConductorRpcApi conductor, ConfigDriveBuilder configDrives,
                       Settings settings, EngineMeters meters) {
        this.host = host;
        WorkloadLocks locks = new WorkloadLocks();
        WorkloadOperations operations = new WorkloadOperations(locks);
        WorkloadReporter<ObservedContainer> containerReporter = new WorkloadReporter<>("container",
                drivers.containers(), new ContainerReports(conductor, host));
        WorkloadReporter<ObservedServer> serverReporter = new WorkloadReporter<>("server", drivers.servers(),
                new ServerReports(conductor, host));
        WorkloadReporter<ObservedCapsule> capsuleReporter = new WorkloadReporter<>("capsule", drivers.capsules(),
                new CapsuleReports(conductor, host));
        this.storedImages = new StoredImages(drivers.containers(), conductor);
        this.containers = new ContainerManager(drivers.containers(), containerReporter, operations, locks, host,
                settings.containerStopTimeout(), storedImages);
        this.servers = new ServerManager(drivers.servers(), serverReporter, operations, configDrives, host,
                settings.serverStopTimeout(), storedImages);
        this.capsules = new CapsuleManager(drivers.capsules(), capsuleReporter, operations, host);
        this.networks = new NetworkManager(drivers.networks());
        // under the same locks as the kinds' operations: an attach never runs beside the workload's create or delete
        this.interfaces = new InterfaceManager(Map.of(InterfaceChange.CONTAINER, drivers.containers(),
                InterfaceChange.SERVER, drivers.servers()), locks);
        this.portFilters = new PortFilterManager(drivers.portFilters());
        this.logs = new WorkloadLogReader(Map.of(WorkloadLogs.CONTAINER, drivers.containers(),
                WorkloadLogs.SERVER, drivers.servers()));
        this.commits = new WorkloadCommitter(Map.of(CommitWorkload.CONTAINER, drivers.containers(),
                CommitWorkload.SERVER, drivers.servers()), locks);
        this.imageRemover = new ImageRemover(drivers.containers());
        this.access = new ContainerAccess(drivers.containers(), settings.executeTimeout());
        this.imageCacher = new ImageCacher(drivers.containers(), conductor, host, settings.imageCachePull());
        this.zunImages = new ZunImages(drivers.containers(), conductor, host, settings.imageCachePull());
        this.heartbeat = new HeartbeatSender(drivers.containers(), drivers.servers(), conductor, host,
                settings.vcpus(), settings.memoryMb(), settings.diskGb(), settings.underlayAddress());
        List<WorkloadReporter<?>> kinds = List.of(containerReporter, serverReporter, capsuleReporter);
        this.sync = new WorkloadSync(kinds, locks, drivers.servers().usesConfigDrive()
                ? List.of(new OrphanConfigDrives(configDrives)) : List.of(),
                List.of(() -> drivers.networks().releaseUnused()));
        this.events = new WorkloadEvents(kinds, locks, sync, settings.eventReconnectDelay(), meters);
    }

    public String host() {
        return host;
    }

    /**
     * The host's RPC API: every kind's methods, image pre-caching, Zun's images API, peer updates, the
     * interface methods, the log reads and the calls into containers, on {@code compute.<host>}.
     */
    public RpcEndpoint endpoint() {
        RpcEndpoint endpoint = new RpcEndpoint(RpcTopics.compute(host), ComputeRpcApi.VERSION)
                .on(ComputeRpcApi.CACHE_IMAGES, (ctx, r) -> {
                    imageCacher.cache(ctx, r);
                    return null;
                });
        return storedImages.register(zunImages.register(imageRemover.register(commits.register(access.register(logs.register(portFilters.register(interfaces.register(networks.register(
                capsules.register(servers.register(containers.register(endpoint))))))))))));
    }

    public HeartbeatSender heartbeat() {
        return heartbeat;
    }

    public WorkloadSync sync() {
        return sync;
    }

    public WorkloadEvents events() {
        return events;
    }
}

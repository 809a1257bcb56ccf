package io.windlass.server;

import io.windlass.network.WorkloadNetworks;

import java.util.List;
import java.util.Map;

/**
 * Everything a compute agent needs to spawn a server (the agent has no database). The
 * metadata fields also fill the server's config drive ({@code openstack/latest/meta_data.json}).
 *
 * @param uuid             server uuid; drivers name their workload after it, which makes spawning idempotent
 * @param name             display name
 * @param hostname         hostname inside the server
 * @param image            engine image reference
 * @param vcpus            flavor vCPUs (a CPU limit with the docker driver)
 * @param memoryMb         flavor RAM, MiB (a memory limit)
 * @param rootGb           flavor root disk, GiB (informational with the docker driver)
 * @param metadata         server metadata (engine labels, and {@code meta} on the config drive)
 * @param projectId        owner project
 * @param userId           owner user
 * @param availabilityZone zone the server landed in
 * @param launchIndex      index within a multi-create request
 * @param reservationId    the request's reservation id ({@code r-...})
 * @param userData         base64 user data or null
 * @param files            personality files
 * @param network          {@code auto} (the engine's default network) or {@code none} (no network); null means auto
 * @param stopped          leave it powered off once spawned, as Nova's rebuild leaves an evacuated server that was
 *                         stopped (or any, from 2.95); since compute RPC 1.4, an older agent powers it on
 * @param networks         its ports and their networks (since compute RPC 1.5); empty: {@code network} decides
 * @param key              the key pair it was booted with, or null (since compute RPC 1.8; an older agent leaves it
 *                         out of the config drive)
 */
public record ServerSpec(String uuid, String name, String hostname, String image, int vcpus, int memoryMb, int rootGb,
                         Map<String, String> metadata, String projectId, String userId, String availabilityZone,
                         int launchIndex, String reservationId, String userData, List<InjectedFile> files,
                         String network, boolean stopped, WorkloadNetworks networks, ServerKey key) {
    public ServerSpec {
        networks = networks == null ? WorkloadNetworks.NONE : networks;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        files = files == null ? List.of() : List.copyOf(files);
        network = network == null ? "auto" : network;
    }

    /** The 1.5 shape: no key pair. */
    public ServerSpec(String uuid, String name, String hostname, String image, int vcpus, int memoryMb, int rootGb,
                      Map<String, String> metadata, String projectId, String userId, String availabilityZone,
                      int launchIndex, String reservationId, String userData, List<InjectedFile> files,
                      String network, boolean stopped, WorkloadNetworks networks) {
        this(uuid, name, hostname, image, vcpus, memoryMb, rootGb, metadata, projectId, userId, availabilityZone,
                launchIndex, reservationId, userData, files, network, stopped, networks, null);
    }

    /** The 1.4 shape: on the engine's network ({@code network}). */
    public ServerSpec(String uuid, String name, String hostname, String image, int vcpus, int memoryMb, int rootGb,
                      Map<String, String> metadata, String projectId, String userId, String availabilityZone,
                      int launchIndex, String reservationId, String userData, List<InjectedFile> files,
                      String network, boolean stopped) {
        this(uuid, name, hostname, image, vcpus, memoryMb, rootGb, metadata, projectId, userId, availabilityZone,
                launchIndex, reservationId, userData, files, network, stopped, WorkloadNetworks.NONE);
    }

    /** The same server with its tenant networking. */
    public ServerSpec withNetworks(WorkloadNetworks attached) {
        return new ServerSpec(uuid, name, hostname, image, vcpus, memoryMb, rootGb, metadata, projectId, userId,
                availabilityZone, launchIndex, reservationId, userData, files, network, stopped, attached, key);
    }

    /** The 1.3 shape: spawned powered on. */
    public ServerSpec(String uuid, String name, String hostname, String image, int vcpus, int memoryMb, int rootGb,
                      Map<String, String> metadata, String projectId, String userId, String availabilityZone,
                      int launchIndex, String reservationId, String userData, List<InjectedFile> files,
                      String network) {
        this(uuid, name, hostname, image, vcpus, memoryMb, rootGb, metadata, projectId, userId, availabilityZone,
                launchIndex, reservationId, userData, files, network, false);
    }
}

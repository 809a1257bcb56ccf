package io.windlass.server;

/**
 * Change a running or stopped server's limits in place on its host (a resize or its revert).
 *
 * @param uuid     server uuid
 * @param vcpus    the flavor's vCPUs (a CPU limit with the docker driver)
 * @param memoryMb the flavor's RAM, MiB (a memory limit, no swap)
 */
public record ResizeServer(String uuid, int vcpus, int memoryMb) {
}

package io.windlass.scheduler;

import java.util.Map;

/**
 * What a workload needs; the scheduler picks a host and claims it atomically.
 *
 * @param consumerUuid     workload uuid: a second request for it returns the existing claim
 * @param consumerType     container, capsule or server
 * @param projectId        owner project
 * @param vcpus            CPUs
 * @param memoryMb         memory, MiB
 * @param diskGb           disk, GiB
 * @param availabilityZone requested zone or null
 * @param requestedHost    admin's host hint or null
 * @param properties       workload properties matched against aggregate metadata
 */
public record ResourceRequest(String consumerUuid, String consumerType, String projectId, double vcpus,
                              long memoryMb, long diskGb, String availabilityZone, String requestedHost,
                              Map<String, String> properties) {
}

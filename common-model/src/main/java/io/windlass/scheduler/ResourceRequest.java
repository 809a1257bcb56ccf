package io.windlass.scheduler;

import java.util.List;
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
 * @param properties       workload properties matched against aggregate metadata (container labels,
 *                         flavor extra specs)
 * @param schedulerHints   scheduler hints by name, each a list of values (e.g. {@code same_host} →
 *                         workload uuids); since 1.1
 * @param imageProperties  properties of the workload's image, matched against aggregate metadata;
 *                         since 1.1
 * @param runtime          the container runtime the engine must have (Zun's {@code runtime}), or null for its
 *                         default; since 1.3
 * @param dedicatedCpus    whole CPUs the workload pins ({@code cpu_policy: dedicated}), 0 when it shares them;
 *                         since 1.3
 */
public record ResourceRequest(String consumerUuid, String consumerType, String projectId, double vcpus,
                              long memoryMb, long diskGb, String availabilityZone, String requestedHost,
                              Map<String, String> properties, Map<String, List<String>> schedulerHints,
                              Map<String, String> imageProperties, String runtime, int dedicatedCpus) {

    /** Hint: place on a host that runs one of these workloads. */
    public static final String SAME_HOST = "same_host";
    /** Hint: place on a host that runs none of these workloads. */
    public static final String DIFFERENT_HOST = "different_host";

    /** A 1.0 sender leaves the newer maps out: treat them as empty. */
    public ResourceRequest {
        properties = properties == null ? Map.of() : properties;
        schedulerHints = schedulerHints == null ? Map.of() : schedulerHints;
        imageProperties = imageProperties == null ? Map.of() : imageProperties;
    }

    /** The 1.1 shape: any runtime, no dedicated CPUs. */
    public ResourceRequest(String consumerUuid, String consumerType, String projectId, double vcpus,
                           long memoryMb, long diskGb, String availabilityZone, String requestedHost,
                           Map<String, String> properties, Map<String, List<String>> schedulerHints,
                           Map<String, String> imageProperties) {
        this(consumerUuid, consumerType, projectId, vcpus, memoryMb, diskGb, availabilityZone, requestedHost,
                properties, schedulerHints, imageProperties, null, 0);
    }

    /** The 1.0 shape: no hints, no image properties. */
    public ResourceRequest(String consumerUuid, String consumerType, String projectId, double vcpus,
                           long memoryMb, long diskGb, String availabilityZone, String requestedHost,
                           Map<String, String> properties) {
        this(consumerUuid, consumerType, projectId, vcpus, memoryMb, diskGb, availabilityZone, requestedHost,
                properties, Map.of(), Map.of(), null, 0);
    }

    /** The same request for {@code host} (null: any host the filters pass). */
    public ResourceRequest withRequestedHost(String host) {
        return new ResourceRequest(consumerUuid, consumerType, projectId, vcpus, memoryMb, diskGb, availabilityZone,
                host, properties, schedulerHints, imageProperties, runtime, dedicatedCpus);
    }

    /** Values of one hint; none when the hint is absent. */
    public List<String> hint(String name) {
        List<String> values = schedulerHints.get(name);
        return values == null ? List.of() : values;
    }
}

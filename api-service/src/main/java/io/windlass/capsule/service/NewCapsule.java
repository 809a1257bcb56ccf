package io.windlass.capsule.service;

import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleVolumeSpec;

import java.util.List;
import java.util.Map;

/**
 * A validated capsule template. Members carry no uuid yet; the service hands them out.
 *
 * @param name             metadata.name, or null (members are then named after the capsule uuid)
 * @param labels           metadata.labels
 * @param annotations      metadata.annotations
 * @param restartPolicy    Docker restart policy name: always, on-failure or no
 * @param availabilityZone requested zone or null
 * @param initContainers   spec.initContainers, in order
 * @param containers       spec.containers
 * @param volumes          spec.volumes
 */
public record NewCapsule(String name, Map<String, String> labels, Map<String, String> annotations,
                         String restartPolicy, String availabilityZone, List<CapsuleMemberSpec> initContainers,
                         List<CapsuleMemberSpec> containers, List<CapsuleVolumeSpec> volumes) {
}

package io.windlass.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One address of a container on one network, in Zun's shape and spelling: stored as is in
 * {@code containers.addresses} and shown as is by the API.
 *
 * @param addr             IP address
 * @param version          4 or 6
 * @param port             port id (the engine endpoint id here)
 * @param subnetId         subnet id (the engine network id here)
 * @param preserveOnDelete whether the port outlives the container
 */
public record ContainerAddress(String addr, int version, String port,
                               @JsonProperty("subnet_id") String subnetId,
                               @JsonProperty("preserve_on_delete") boolean preserveOnDelete) {
}

package io.windlass.container;

/**
 * One address of a container on one network, in Zun's shape.
 *
 * @param addr             IP address
 * @param version          4 or 6
 * @param port             port id (the engine endpoint id here)
 * @param subnetId         subnet id (the engine network id here)
 * @param preserveOnDelete whether the port outlives the container
 */
public record ContainerAddress(String addr, int version, String port, String subnetId, boolean preserveOnDelete) {
}

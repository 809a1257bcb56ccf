package io.windlass.host.service;

/**
 * One row of Nova's {@code GET /os-hosts}: a service's host, the service's topic
 * ({@code compute}, {@code conductor}, {@code scheduler}) and its zone.
 */
public record HostEntry(String hostName, String service, String zone) {
    /** Nova's {@code internal_service_availability_zone}: where the services that are not computes are. */
    public static final String INTERNAL_ZONE = "internal";
    public static final String COMPUTE = "compute";
}

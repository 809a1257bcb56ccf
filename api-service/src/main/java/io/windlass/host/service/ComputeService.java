package io.windlass.host.service;

import io.windlass.host.persistence.ComputeHostRecord;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A compute host seen as Nova's {@code nova-compute} service.
 *
 * @param zone the availability zone aggregates give it, or the default zone
 * @param up   heartbeat within {@code windlass.service-down-time}
 */
public record ComputeService(ComputeHostRecord host, String zone, boolean up) {
    public static final String BINARY = "nova-compute";

    /**
     * The service's uuid from 2.53 on. {@code compute_hosts} has no uuid column, so it is derived
     * from the host name: stable across restarts and the same on every api-service replica.
     */
    public UUID uuid() {
        return uuidOf(host.host());
    }

    public static UUID uuidOf(String hostName) {
        return UUID.nameUUIDFromBytes(("windlass-compute-service:" + hostName).getBytes(StandardCharsets.UTF_8));
    }
}

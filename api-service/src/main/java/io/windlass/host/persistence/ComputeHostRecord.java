package io.windlass.host.persistence;

import java.time.Duration;

/**
 * A compute host as the os-services and availability zone APIs show it.
 *
 * @param id             row id ({@code compute_hosts.id})
 * @param updatedAt      last heartbeat in Nova's timestamp form
 * @param secondsSilent  seconds since the last heartbeat
 */
public record ComputeHostRecord(long id, String host, boolean disabled, String disabledReason, String updatedAt,
                                double secondsSilent) {

    /** Nova's {@code service_is_up}: it heart-beat within the service down time. */
    public boolean up(Duration serviceDownTime) {
        return secondsSilent <= serviceDownTime.toSeconds();
    }
}

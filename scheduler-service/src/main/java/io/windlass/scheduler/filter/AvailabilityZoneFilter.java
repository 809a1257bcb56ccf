package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Passes hosts in the requested availability zone: a zone named by the {@code availability_zone}
 * metadata of one of the host's aggregates, or the default zone for hosts no aggregate places
 * in a zone (Nova's rule before it moved zones into placement).
 */
public class AvailabilityZoneFilter implements HostFilter {
    private final String defaultZone;

    public AvailabilityZoneFilter(String defaultZone) {
        this.defaultZone = defaultZone;
    }

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        String zone = request.availabilityZone();
        return zone == null || zone.isBlank() || host.aggregates().inAvailabilityZone(zone, defaultZone);
    }
}

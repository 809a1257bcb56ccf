package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Passes hosts in the requested availability zone. Hosts carry no zone yet, so every host
 * is in the default zone and a request naming another zone matches nothing.
 */
public class AvailabilityZoneFilter implements HostFilter {
    private final String defaultZone;

    public AvailabilityZoneFilter(String defaultZone) {
        this.defaultZone = defaultZone;
    }

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        String zone = request.availabilityZone();
        return zone == null || zone.isBlank() || zone.equals(defaultZone);
    }
}

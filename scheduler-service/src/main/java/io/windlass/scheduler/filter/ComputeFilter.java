package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

import java.time.Duration;

/** Passes hosts that are enabled and heart-beated within the service down time. */
public class ComputeFilter implements HostFilter {
    private final Duration serviceDownTime;

    public ComputeFilter(Duration serviceDownTime) {
        this.serviceDownTime = serviceDownTime;
    }

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        return !host.disabled() && host.heartbeatAge().compareTo(serviceDownTime) <= 0;
    }
}

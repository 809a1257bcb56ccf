package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Honours an administrator's host hint. Always runs first, whatever is configured, because
 * the hint narrows the candidates rather than judging them.
 */
public class RequestedHostFilter implements HostFilter {

    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        String wanted = request.requestedHost();
        return wanted == null || wanted.isBlank() || wanted.equals(host.host());
    }
}

package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/**
 * Zun's RuntimeFilter: a container that names a runtime goes only to hosts whose engine has it
 * (their agents report the engine's runtimes); one that names none runs on any engine's default.
 */
public class RuntimeFilter implements HostFilter {
    @Override
    public boolean passes(HostCandidate host, ResourceRequest request) {
        return request.runtime() == null || host.engine().runtimes().contains(request.runtime());
    }
}

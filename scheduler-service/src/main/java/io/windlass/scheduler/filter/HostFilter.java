package io.windlass.scheduler.filter;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.HostCandidate;

/** Decides whether one host can take a request (Nova's BaseHostFilter). */
public interface HostFilter {

    /** Name used in configuration and in NoValidHost explanations. */
    default String name() {
        return getClass().getSimpleName();
    }

    boolean passes(HostCandidate host, ResourceRequest request);
}

package io.windlass.agent.workload;

import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;

import java.util.List;
import java.util.Optional;

/**
 * What the shared shells need from any kind's driver (containers, servers, capsules): look at one
 * workload, look at all of them, follow their changes. Workloads are addressed by uuid; each driver
 * maps that to its engine's own naming, so every call is idempotent across agent restarts (the
 * agent has no database).
 *
 * @param <O> what the kind's engine shows of a workload
 */
public interface WorkloadDriver<O extends Observed> {

    /** Short driver name ({@code docker}, {@code fake}). */
    String name();

    /** The workload now; empty when the engine has nothing of it. */
    Optional<O> observe(String uuid);

    /** Every workload of the kind this agent manages on the engine, as it is now. */
    List<O> observeAll();

    /**
     * Streams changes of the kind's workloads until the subscription is closed or the engine ends
     * the stream ({@link EngineEventListener#onClosed}).
     */
    EventSubscription followEvents(EngineEventListener listener);
}

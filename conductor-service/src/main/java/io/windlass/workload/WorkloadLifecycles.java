package io.windlass.workload;

import io.micrometer.core.instrument.MeterRegistry;
import io.windlass.aggregate.persistence.AggregateHostReader;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.config.ConductorConfig;
import io.windlass.persistence.WorkloadEntity;
import io.windlass.scheduler.SchedulerRpcApi;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes each kind's {@link WorkloadLifecycle} from its rules. */
@ApplicationScoped
public class WorkloadLifecycles {
    private final WorkloadRows rows;
    private final SchedulerRpcApi scheduler;
    private final AggregateHostReader aggregates;
    private final ConductorConfig config;
    private final MeterRegistry registry;
    private final NetworkSteps networks;
    private final ActionEvents events;
    private final ComputeRpcApi compute;
    private final WorkloadInterfaces interfaces;

    public WorkloadLifecycles(WorkloadRows rows, SchedulerRpcApi scheduler, AggregateHostReader aggregates,
                              ConductorConfig config, MeterRegistry registry, NetworkSteps networks,
                              ActionEvents events, ComputeRpcApi compute, WorkloadInterfaces interfaces) {
        this.events = events;
        this.interfaces = interfaces;
        this.compute = compute;
        this.rows = rows;
        this.networks = networks;
        this.scheduler = scheduler;
        this.aggregates = aggregates;
        this.config = config;
        this.registry = registry;
    }

    /**
     * @param recreate asks a host again to create a workload whose create it has not answered
     * @param redelete asks a host to remove a workload: again, for a delete it never answered, or a leftover
     *                 of a workload that moved to another host
     */
    public <E extends WorkloadEntity, R extends WorkloadReport> WorkloadLifecycle<E, R> of(
            WorkloadRules<E, R> rules, WorkloadLifecycle.HostCreate<E> recreate, WorkloadLifecycle.HostCast<E> redelete) {
        return new WorkloadLifecycle<>(rules, recreate, redelete, rows, scheduler, aggregates, config, registry,
                networks, events, compute, interfaces);
    }
}

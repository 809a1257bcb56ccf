package io.windlass.capsule;

import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.workload.WorkloadLifecycle;
import io.windlass.workload.WorkloadLifecycles;
import io.windlass.workload.WorkloadManager;
import jakarta.enterprise.context.ApplicationScoped;

/** The conductor's capsule methods: each runs the capsule's {@link WorkloadLifecycle} with the message that reaches the host. */
@ApplicationScoped
public class CapsuleManager implements WorkloadManager {
    private final WorkloadLifecycle<CapsuleEntity, CapsuleStatusReport> lifecycle;
    private final ComputeRpcApi compute;

    public CapsuleManager(WorkloadLifecycles lifecycles, CapsuleRules rules, ComputeRpcApi compute) {
        this.compute = compute;
        this.lifecycle = lifecycles.of(rules,
                (host, row, networks) -> compute.createCapsule(host, RequestContext.internal("conductor-service"),
                        new CreateCapsule(row.spec, networks)),
                (host, row) -> compute.deleteCapsule(host, RequestContext.internal("conductor-service"),
                        new DeleteCapsule(row.spec)));
    }

    @Override
    public WorkloadLifecycle<CapsuleEntity, CapsuleStatusReport> lifecycle() {
        return lifecycle;
    }

    public void build(RequestContext ctx, CapsuleRef request) {
        lifecycle.build(ctx, request.uuid(),
                (host, row, networks) -> compute.createCapsule(host, ctx, new CreateCapsule(row.spec, networks)));
    }

    public void delete(RequestContext ctx, CapsuleRef request) {
        lifecycle.delete(ctx, request.uuid(), (host, row) -> compute.deleteCapsule(host, ctx, new DeleteCapsule(row.spec)));
    }

    public void report(RequestContext ctx, CapsuleStatusReport report) {
        lifecycle.apply(ctx, report);
    }
}

package io.windlass.agent.capsule;

import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.ImageUnavailableException;
import io.windlass.agent.workload.WorkloadOperations;
import io.windlass.agent.workload.WorkloadReporter;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.capsule.CreateCapsule;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcEndpoint;

/**
 * The host's Zun capsule methods on {@code compute.<host>} ({@code create_capsule},
 * {@code delete_capsule}), in the shared {@link WorkloadOperations} shells: a create either ends
 * with every app container started or leaves nothing behind.
 */
public final class CapsuleManager {
    private final CapsuleDriver driver;
    private final WorkloadReporter<ObservedCapsule> reporter;
    private final WorkloadOperations operations;
    private final String host;

    public CapsuleManager(CapsuleDriver driver, WorkloadReporter<ObservedCapsule> reporter,
                          WorkloadOperations operations, String host) {
        this.driver = driver;
        this.reporter = reporter;
        this.operations = operations;
        this.host = host;
    }

    public RpcEndpoint register(RpcEndpoint endpoint) {
        return endpoint
                .on(ComputeRpcApi.CREATE_CAPSULE, (ctx, r) -> {
                    create(ctx, r);
                    return null;
                })
                .on(ComputeRpcApi.DELETE_CAPSULE, (ctx, r) -> {
                    operations.delete(ctx, r.spec().uuid(), reporter, () -> driver.remove(r.spec(), false));
                    return null;
                });
    }

    void create(RequestContext ctx, CreateCapsule request) {
        CapsuleSpec capsule = request.spec();
        operations.create(ctx, capsule.uuid(), reporter, new WorkloadOperations.Creation<>() {
            @Override
            public String reuse(ObservedCapsule existing) {
                // a redelivered create: the first one finished or cleaned up after itself
                return null;
            }

            @Override
            public boolean complete(ObservedCapsule existing) {
                // the sandbox is made first and the members one by one: fewer members means cut off;
                // a member made but never started means its start was cut off (the engine restarted
                // under it), as for a container: nothing of it ran yet, so it is made again
                return existing.members().size() >= capsule.initContainers().size() + capsule.containers().size()
                        && existing.members().stream().noneMatch(m -> m.status() == ContainerStatus.CREATED);
            }

            @Override
            public void create() {
                driver.create(capsule, request.networks());
            }

            @Override
            public String failure(DriverException e) {
                if (e instanceof CapsuleFailure) {
                    return e.getMessage();
                }
                return e instanceof ImageUnavailableException missing ? missing.reasonOn(host)
                        : "Failed to create capsule on host " + host + ": " + e.getMessage();
            }

            @Override
            public void removeLeftover() {
                driver.remove(capsule, true);
            }
        });
    }
}

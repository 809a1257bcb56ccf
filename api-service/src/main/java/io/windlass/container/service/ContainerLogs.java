package io.windlass.container.service;

import io.windlass.api.error.RpcFailures;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import io.windlass.workload.WorkloadLogs;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Zun's {@code logs}: the container's host reads its engine log and answers at once (compute
 * {@code workload_logs}, a call, as Zun's {@code container_logs}); nothing is written. A capsule's
 * member is read the same way ({@link PlacedContainers}).
 */
@ApplicationScoped
public class ContainerLogs {
    private final PlacedContainers containers;
    private final ComputeRpcApi compute;

    public ContainerLogs(PlacedContainers containers, ComputeRpcApi compute) {
        this.containers = containers;
        this.compute = compute;
    }

    /** @return the log text */
    public String read(RequestContext caller, String ident, ContainerLogQuery query) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.LOGS, ContainerAction.LOGS);
        try {
            return compute.workloadLogs(c.host(), caller, new WorkloadLogs(WorkloadLogs.CONTAINER, c.uuid().toString(),
                    query.stdout(), query.stderr(), query.timestamps(), query.tail(), query.since())).text();
        } catch (RpcException e) {
            throw RpcFailures.toApi(e, "ContainerHostNotUp", "Container host " + c.host() + " is not up.");
        }
    }
}

package io.windlass.container.service;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import io.windlass.workload.WorkloadLogs;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Zun's {@code logs}: the container's host reads its engine log and answers at once (compute
 * {@code workload_logs}, a call, as Zun's {@code container_logs}); nothing is written.
 */
@ApplicationScoped
public class ContainerLogs {
    private final ContainerLookup lookup;
    private final ContainerPolicy policy;
    private final ComputeRpcApi compute;

    public ContainerLogs(ContainerLookup lookup, ContainerPolicy policy, ComputeRpcApi compute) {
        this.lookup = lookup;
        this.policy = policy;
        this.compute = compute;
    }

    /** @return the log text */
    public String read(RequestContext caller, String ident, ContainerLogQuery query) {
        ContainerEntity c = lookup.resolve(caller, ident, false, ContainerPolicy.GET_ONE_ALL_PROJECTS);
        policy.authorize(ContainerPolicy.LOGS, caller, c.projectId);
        ContainerService.requireAllowed(c, ContainerAction.LOGS);
        ContainerService.requireHost(c, ContainerAction.LOGS);
        try {
            return compute.workloadLogs(c.host, caller, new WorkloadLogs(WorkloadLogs.CONTAINER, c.uuid.toString(),
                    query.stdout(), query.stderr(), query.timestamps(), query.tail(), query.since())).text();
        } catch (RpcException e) {
            throw RpcFailures.toApi(e, "ContainerHostNotUp", "Container host " + c.host + " is not up.");
        }
    }
}

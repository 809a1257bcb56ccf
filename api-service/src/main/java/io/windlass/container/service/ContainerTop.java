package io.windlass.container.service;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerProcesses;
import io.windlass.container.ListContainerProcesses;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;

/** Zun's {@code top}: the container's host lists its processes (compute {@code container_top}, a call); nothing is written. */
@ApplicationScoped
public class ContainerTop {
    private final PlacedContainers containers;
    private final ComputeRpcApi compute;

    public ContainerTop(PlacedContainers containers, ComputeRpcApi compute) {
        this.containers = containers;
        this.compute = compute;
    }

    /** @param psArgs options for {@code ps}, or null for the engine's default */
    public ContainerProcesses list(RequestContext caller, String ident, String psArgs) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.TOP, ContainerAction.TOP);
        try {
            return compute.containerTop(c.host(), caller, new ListContainerProcesses(c.uuid().toString(), psArgs));
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
    }
}

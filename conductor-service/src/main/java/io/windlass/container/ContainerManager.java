package io.windlass.container;

import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi.BuildContainer;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.context.RequestContext;
import io.windlass.network.WorkloadNetworks;
import io.windlass.registry.RegistryLogins;
import io.windlass.rpc.RpcTopics;
import io.windlass.rpc.RpcVersion;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.workload.WorkloadLifecycle;
import io.windlass.workload.WorkloadLifecycles;
import io.windlass.workload.WorkloadManager;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The conductor's container methods: each runs the container's {@link WorkloadLifecycle} with
 * the message that reaches the host; the live resize is {@link ContainerResize}.
 */
@ApplicationScoped
public class ContainerManager implements WorkloadManager {
    private final WorkloadLifecycle<ContainerEntity, ContainerStatusReport> lifecycle;
    private final ContainerRules rules;
    private final ComputeRpcApi compute;
    private final ContainerResize resize;
    private final RegistryLogins registries;

    public ContainerManager(WorkloadLifecycles lifecycles, ContainerRules rules, ComputeRpcApi compute,
                            ContainerResize resize, RegistryLogins registries) {
        this.rules = rules;
        this.registries = registries;
        this.compute = compute;
        this.resize = resize;
        // a second ask to delete stops the container first: the API let the delete through, so it is not
        // wanted running; a second ask to create does what the first asked (run or not)
        this.lifecycle = lifecycles.of(rules,
                (host, row, networks) -> create(host, RequestContext.internal("conductor-service"), row, row.run,
                        networks),
                (host, row) -> compute.deleteContainer(host, RequestContext.internal("conductor-service"),
                        new DeleteContainer(row.uuid.toString(), false, true)));
    }

    @Override
    public WorkloadLifecycle<ContainerEntity, ContainerStatusReport> lifecycle() {
        return lifecycle;
    }

    public void build(RequestContext ctx, BuildContainer request) {
        lifecycle.build(ctx, request.uuid(), (host, row, networks) -> create(host, ctx, row, request.run(), networks));
    }

    /**
     * The create, unless the agents are capped below the version that honours the container's exposed ports,
     * health check, mounts, runtime and dedicated CPUs, its registry's login, or its privileges: an older agent
     * would make it without them (or pull without the login), so it fails with the reason instead.
     */
    private void create(String host, RequestContext ctx, ContainerEntity row, boolean run, WorkloadNetworks networks) {
        ContainerSpec spec = registries.pulledFrom(rules.spec(row), row.registryId);
        RpcVersion sent = compute.versionFor(ComputeRpcApi.CREATE_CONTAINER);
        if (ComputeRpcApi.CONTAINER_FIELDS.isNewerThan(sent) && spec.needsContainerFields()) {
            throw new RpcVersionCapExceeded(RpcTopics.compute(host), ComputeRpcApi.CREATE_CONTAINER,
                    "a container's exposed ports, health check, mounts, runtime or dedicated CPUs", ComputeRpcApi.CONTAINER_FIELDS,
                    sent);
        }
        if (ComputeRpcApi.REGISTRY_LOGINS.isNewerThan(sent) && spec.needsRegistryLogin()) {
            throw new RpcVersionCapExceeded(RpcTopics.compute(host), ComputeRpcApi.CREATE_CONTAINER,
                    "a container's private registry login", ComputeRpcApi.REGISTRY_LOGINS, sent);
        }
        if (ComputeRpcApi.PRIVILEGED.isNewerThan(sent) && spec.needsPrivileges()) {
            throw new RpcVersionCapExceeded(RpcTopics.compute(host), ComputeRpcApi.CREATE_CONTAINER,
                    "a privileged container", ComputeRpcApi.PRIVILEGED, sent);
        }
        compute.createContainer(host, ctx, new CreateContainer(spec, run, networks));
    }

    /** An agent capped below {@link ComputeRpcApi#KILL_SIGNALS} would kill with SIGKILL: a kill with a signal is not sent to it. */
    public void act(RequestContext ctx, ContainerOperation operation) {
        lifecycle.forward(ctx, operation.uuid(), operation.action().verb(), (host, row) -> {
            RpcVersion sent = compute.versionFor(ComputeRpcApi.CONTAINER_ACTION);
            if (operation.signal() != null && ComputeRpcApi.KILL_SIGNALS.isNewerThan(sent)) {
                throw new RpcVersionCapExceeded(RpcTopics.compute(host), ComputeRpcApi.CONTAINER_ACTION,
                        "a kill with a signal", ComputeRpcApi.KILL_SIGNALS, sent);
            }
            compute.containerAction(host, ctx, operation);
        });
    }

    public void delete(RequestContext ctx, DeleteContainer request) {
        lifecycle.delete(ctx, request.uuid(), (host, row) -> compute.deleteContainer(host, ctx, request));
    }

    public void resize(RequestContext ctx, ResizeContainer request) {
        resize.resize(ctx, request);
    }

    public void report(RequestContext ctx, ContainerStatusReport report) {
        lifecycle.apply(ctx, report);
    }
}

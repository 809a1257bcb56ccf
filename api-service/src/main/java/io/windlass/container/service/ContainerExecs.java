package io.windlass.container.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.api.error.ConflictException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.ResizeContainerExec;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Zun's {@code execute} and {@code execute_resize}: the container's host runs the command (or makes
 * its exec instance) and answers at once (compute {@code container_exec}, a call, as Zun's); the
 * row is not touched. An execute is logged as Zun names it ({@code exec_cmd}) once accepted, and
 * finished when the host answered, since no conductor reports on it.
 */
@ApplicationScoped
public class ContainerExecs {
    /** Zun's container action name for execute ({@code zun/compute/container_actions.py}). */
    static final String EXEC_ACTION = "exec_cmd";

    private final PlacedContainers containers;
    private final ComputeRpcApi compute;
    private final ActionLog actions;
    private final ContainerConsoles consoles;

    public ContainerExecs(PlacedContainers containers, ComputeRpcApi compute, ActionLog actions,
                          ContainerConsoles consoles) {
        this.consoles = consoles;
        this.containers = containers;
        this.compute = compute;
        this.actions = actions;
    }

    /**
     * An interactive command: its exec instance made with a terminal, and that terminal's websocket
     * (compute 1.17), logged as any execute.
     *
     * @param wsRoot {@code ws[s]://host[:port]} of this api-service
     */
    public ContainerConsoles.InteractiveExec executeInteractive(RequestContext caller, String ident,
                                                                ExecCommand command, String wsRoot) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.EXECUTE, ContainerAction.EXECUTE);
        QuarkusTransaction.requiringNew().run(() ->
                actions.record(caller, c.actionKind(), c.actionUuid(), c.projectId(), EXEC_ACTION));
        boolean failed = true;
        try {
            ContainerConsoles.InteractiveExec made = consoles.execute(caller, c, command, wsRoot);
            failed = false;
            return made;
        } finally {
            boolean error = failed;
            QuarkusTransaction.requiringNew().run(() -> actions.finished(c.actionUuid(), caller.requestId(), error));
        }
    }

    public ContainerExecResult execute(RequestContext caller, String ident, ExecCommand command) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.EXECUTE, ContainerAction.EXECUTE);
        QuarkusTransaction.requiringNew().run(() ->
                actions.record(caller, c.actionKind(), c.actionUuid(), c.projectId(), EXEC_ACTION));
        boolean failed = true;
        try {
            ContainerExecResult result = compute.containerExec(c.host(), caller,
                    new ContainerExec(c.uuid().toString(), command.argv(), command.run()));
            failed = false;
            return result;
        } catch (RpcException e) {
            if (e instanceof RemoteException remote && remote.type().equals("ExecTimeout")) {
                // Zun's Conflict, naming the command as the user gave it
                throw new ConflictException("Conflict", "Timeout on executing command: " + command.text());
            }
            throw ContainerAccessFailures.toApi(e, c);
        } finally {
            boolean error = failed;
            QuarkusTransaction.requiringNew().run(() -> actions.finished(c.actionUuid(), caller.requestId(), error));
        }
    }

    public void resize(RequestContext caller, String ident, ExecResize request) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.EXECUTE_RESIZE, ContainerAction.EXECUTE_RESIZE);
        try {
            compute.containerExecResize(c.host(), caller, new ResizeContainerExec(c.uuid().toString(), request.execId(),
                    request.height(), request.width()));
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
    }
}

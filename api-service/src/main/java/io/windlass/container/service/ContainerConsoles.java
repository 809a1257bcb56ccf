package io.windlass.container.service;

import io.windlass.api.error.InvalidInputException;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.console.ConsoleStream;
import io.windlass.container.ContainerAction;
import io.windlass.container.ContainerExec;
import io.windlass.container.ContainerExecResult;
import io.windlass.container.OpenConsole;
import io.windlass.container.ResizeContainerTty;
import io.windlass.container.console.ConsoleRelay;
import io.windlass.container.console.ConsoleSocket;
import io.windlass.container.console.ConsoleTickets;
import io.windlass.container.policy.ContainerPolicy;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Zun's terminals: the interactive {@code execute} (an exec instance with a terminal, answered with
 * a websocket address), {@code attach} (the websocket address of the main process's terminal) and
 * {@code resize} (that terminal's size); and the followed log. Every one needs compute RPC 1.17 on
 * the container's host: under a lower cap nothing is sent and the answer is 503, as for execute.
 * The websocket address carries a one-time token bound to the container ({@link ConsoleTickets}).
 */
@ApplicationScoped
public class ContainerConsoles {
    private final PlacedContainers containers;
    private final ComputeRpcApi compute;
    private final ConsoleTickets tickets;
    private final ConsoleRelay relay;

    public ContainerConsoles(PlacedContainers containers, ComputeRpcApi compute, ConsoleTickets tickets,
                             ConsoleRelay relay) {
        this.containers = containers;
        this.compute = compute;
        this.tickets = tickets;
        this.relay = relay;
    }

    /** An interactive exec instance made, and the address of its terminal. */
    public record InteractiveExec(String execId, String url) {
    }

    /** @param wsRoot {@code ws[s]://host[:port]} of this api-service */
    InteractiveExec execute(RequestContext caller, PlacedContainer c, ExecCommand command, String wsRoot) {
        try {
            requireConsoles();
            ContainerExecResult made = compute.containerExec(c.host(), caller,
                    new ContainerExec(c.uuid().toString(), command.argv(), false, true));
            return new InteractiveExec(made.execId(), url(caller, c, OpenConsole.EXEC, made.execId(), wsRoot));
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
    }

    /** Zun's {@code attach}: Running, and made interactive (else Zun's 400 {@code NoInteractiveFlag}). */
    public String attach(RequestContext caller, String ident, String wsRoot) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.ATTACH, ContainerAction.ATTACH);
        if (!c.interactive()) {
            throw new InvalidInputException("NoInteractiveFlag",
                    "Container doesn't support to be attached, please check the interactive set properly");
        }
        try {
            requireConsoles();
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
        return url(caller, c, OpenConsole.ATTACH, null, wsRoot);
    }

    /** Zun's {@code resize}: the main process's terminal. */
    public void resize(RequestContext caller, String ident, int height, int width) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.RESIZE, ContainerAction.RESIZE_TTY);
        try {
            compute.containerResize(c.host(), caller, new ResizeContainerTty(c.uuid().toString(), height, width));
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
    }

    /**
     * The log followed: what Zun's {@code logs} would answer, then every new line, until the session
     * ends ({@code listener}'s end) or the caller ends it.
     */
    public ConsoleStream followLogs(RequestContext caller, String ident, ContainerLogQuery q,
                                    ConsoleStream.Listener listener) {
        PlacedContainer c = containers.authorized(caller, ident, ContainerPolicy.LOGS, ContainerAction.LOGS);
        OpenConsole.LogFollow follow = new OpenConsole.LogFollow(q.stdout(), q.stderr(), q.timestamps(), q.tail(),
                q.since());
        try {
            requireConsoles();
            return relay.open(caller, c.host(), (session, idle) -> new OpenConsole(session, c.uuid().toString(),
                    OpenConsole.LOGS, null, follow, idle), false, listener);
        } catch (RpcException e) {
            throw ContainerAccessFailures.toApi(e, c);
        }
    }

    /** @throws io.windlass.rpc.RpcVersionCapExceeded under a compute cap below 1.17 */
    private void requireConsoles() {
        compute.versionFor(ComputeRpcApi.OPEN_CONSOLE);
    }

    private String url(RequestContext caller, PlacedContainer c, String kind, String execId, String wsRoot) {
        String token = tickets.issue(caller, c.uuid().toString(), c.host(), kind, execId, Instant.now());
        return wsRoot + ConsoleSocket.PATH + "?token=" + token + "&uuid=" + c.uuid();
    }
}

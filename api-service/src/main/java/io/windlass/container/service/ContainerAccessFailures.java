package io.windlass.container.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.RpcFailures;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;

/**
 * How the host's refusals of a call into a container (compute RPC 1.11) are told to API users: what
 * Zun raises as {@code Invalid} (no such path or exec instance) is a 400 with the engine's words, an
 * archive larger than one answer carries a 400 of its own, and the rest as for stats and logs: the
 * container gone from the engine 404, another engine refusal 409, a host that does not answer (or
 * one under a compute version cap below 1.11) 503.
 */
final class ContainerAccessFailures {

    private ContainerAccessFailures() {
    }

    static ApiException toApi(RpcException e, PlacedContainer c) {
        if (e instanceof RemoteException remote && remote.type().equals("Invalid")) {
            return new InvalidInputException("Invalid", remote.getMessage());
        }
        if (e instanceof RemoteException remote && remote.type().equals("ArchiveTooLarge")) {
            return new InvalidInputException("ArchiveTooLarge", remote.getMessage());
        }
        return RpcFailures.toApi(e, "ContainerHostNotUp", "Container host " + c.host() + " is not up.");
    }
}

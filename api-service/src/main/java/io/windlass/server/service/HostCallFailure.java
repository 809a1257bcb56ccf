package io.windlass.server.service;

import io.windlass.api.error.ApiException;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.ServiceUnavailableException;
import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcVersionCapExceeded;

/**
 * How a failed call to a server's host is answered (the console output, the diagnostics): the
 * host's refusal is Nova's 409 in the host's words, agents too old for the call Nova's
 * UnsupportedRPCVersion, and a host that does not answer a 503 naming it, for the caller can only
 * try again (Nova's MessagingTimeout is a 500 "Unexpected API Error").
 */
final class HostCallFailure {
    private HostCallFailure() {
    }

    static ApiException of(RpcException e, String host) {
        return switch (e) {
            case RemoteException remote -> new ConflictException(remote.type(), remote.getMessage());
            case RpcVersionCapExceeded capped -> new ConflictException("UnsupportedRPCVersion", capped.getMessage());
            default -> new ServiceUnavailableException("ServiceUnavailable", "Compute host " + host
                    + " did not answer; try again later.");
        };
    }
}

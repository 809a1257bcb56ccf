package io.windlass.api.error;

import io.windlass.rpc.RemoteException;
import io.windlass.rpc.RpcException;
import io.windlass.rpc.RpcTimeoutException;

/** How failures of the services behind the API are told to API users. */
public final class RpcFailures {

    private RpcFailures() {
    }

    /** A named failure reported by the serving side, or a broker/timeout problem. */
    public static ApiException toApi(RpcException e, String unavailableName, String unavailableMessage) {
        if (e instanceof RemoteException remote) {
            if (remote.type().endsWith("NotFound")) {
                return new ResourceNotFoundException(remote.type(), remote.getMessage());
            }
            // ResourcesUnavailable, engine refusals: the request clashes with what the host can do
            return new ConflictException(remote.type(), remote.getMessage());
        }
        if (e instanceof RpcTimeoutException) {
            return new ServiceUnavailableException(unavailableName, unavailableMessage);
        }
        return new ServiceUnavailableException("ServiceUnavailable",
                "The request could not be passed on to the container service; try again later.");
    }
}

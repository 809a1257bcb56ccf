package io.windlass.rpc;

import io.windlass.fault.Transient;

/**
 * The broker is away (restarting, its link cut) or did not confirm a durable message in time:
 * nothing was delivered, and the same cast works once the connection has recovered. A handler
 * that fails with it gets its own message again later (RpcServer) instead of dropping it.
 */
public class BrokerUnavailableException extends RpcException implements Transient {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.windlass.rpc;

/** An RPC could not be delivered or answered (broker down, publish not confirmed, timeout). */
public class RpcException extends RuntimeException {
    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}

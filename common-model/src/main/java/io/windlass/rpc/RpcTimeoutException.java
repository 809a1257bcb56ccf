package io.windlass.rpc;

/** A call got no reply in time: the server may be down or overloaded. */
public class RpcTimeoutException extends RpcException {
    public RpcTimeoutException(String message) {
        super(message);
    }
}

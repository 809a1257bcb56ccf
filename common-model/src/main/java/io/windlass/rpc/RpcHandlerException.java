package io.windlass.rpc;

/**
 * Thrown by a handler to report an expected, named failure to the caller (for calls)
 * without retrying the message: e.g. {@code new RpcHandlerException("NoValidHost", "...")}.
 * Any other exception is treated as possibly transient and the message is redelivered once.
 */
public class RpcHandlerException extends RuntimeException {
    private final String type;

    public RpcHandlerException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}

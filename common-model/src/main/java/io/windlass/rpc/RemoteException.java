package io.windlass.rpc;

/**
 * The server handled a call and reported a failure. {@link #type()} tells which one
 * (for example {@code NoValidHost}, {@code ContainerNotFound}).
 */
public class RemoteException extends RpcException {
    private final String type;

    public RemoteException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}

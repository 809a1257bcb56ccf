package io.windlass.rpc;

/**
 * One method of an RPC API: its name, its payload type, the API version that introduced it and
 * the version of its current shape. Within a major version a method only ever gains optional
 * payload fields, which an older server ignores, so it can be sent at any version from
 * {@code introduced} on; before that, no server has it.
 *
 * @param <A> the payload
 */
public record RpcMethod<A>(String name, Class<A> argType, RpcVersion introduced, RpcVersion current) {

    public RpcMethod {
        if (introduced.isNewerThan(current)) {
            throw new IllegalArgumentException(name + ": introduced in " + introduced + ", after its shape " + current);
        }
    }

    /** A method whose payload is as it was introduced. */
    public static <A> RpcMethod<A> of(String name, Class<A> argType, RpcVersion introduced) {
        return new RpcMethod<>(name, argType, introduced, introduced);
    }

    /** The same method, whose payload gained optional fields in {@code version}. */
    public RpcMethod<A> changedIn(RpcVersion version) {
        return new RpcMethod<>(name, argType, introduced, version);
    }

    /**
     * The version to send this method at to a server that serves at most {@code cap}.
     *
     * @throws RpcVersionCapExceeded when no server at {@code cap} has the method
     */
    public RpcVersion versionUnder(String topic, RpcVersion cap) {
        if (cap == null) {
            return current;
        }
        // servers of another major version speak another contract altogether
        if (introduced.isNewerThan(cap) || introduced.major() != cap.major()) {
            throw new RpcVersionCapExceeded(topic, this, cap);
        }
        return current.isNewerThan(cap) ? cap : current;
    }
}

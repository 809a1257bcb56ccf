package io.windlass.rpc;

/**
 * The method is newer than the version cap of its API ({@code windlass.rpc.version-cap.<api>}):
 * the servers still run an older version that does not have it, so it is not sent. The sender
 * fails the work it was about to hand over, with this message, rather than have it dropped.
 */
public class RpcVersionCapExceeded extends RpcException {
    private final String method;

    public RpcVersionCapExceeded(String topic, RpcMethod<?> method, RpcVersion cap) {
        super(method.name() + " needs " + RpcTopics.api(topic) + " RPC " + method.introduced() + " but " + topic
                + " is capped at " + cap + " while older " + RpcTopics.api(topic) + " services run (windlass.rpc.version-cap."
                + RpcTopics.api(topic) + ")");
        this.method = method.name();
    }

    /**
     * The method exists under the cap, but what this message asks of it came in a later version (a payload
     * field the capped servers would ignore).
     *
     * @param what   what the message asks, for the reason ("a container's exposed ports, health check or mounts")
     * @param needed the version that brought it
     */
    public RpcVersionCapExceeded(String topic, RpcMethod<?> method, String what, RpcVersion needed, RpcVersion cap) {
        super(what + " needs " + RpcTopics.api(topic) + " RPC " + needed + " but " + topic + " is capped at " + cap
                + " while older " + RpcTopics.api(topic) + " services run (windlass.rpc.version-cap."
                + RpcTopics.api(topic) + ")");
        this.method = method.name();
    }

    public String method() {
        return method;
    }
}

package io.windlass.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The methods a service serves on one topic, at one API version. Built once at start:
 * <pre>
 * new RpcEndpoint(RpcTopics.CONDUCTOR, ConductorRpcApi.VERSION)
 *     .on(ConductorRpcApi.BUILD_CONTAINER, BuildContainer.class, manager::buildContainer)
 * </pre>
 */
public final class RpcEndpoint {

    /** A registered method: its payload type and handler. */
    public record Registration<A>(Class<A> argType, RpcHandler<A> handler) {
    }

    private final String topic;
    private final RpcVersion version;
    private final Map<String, Registration<?>> methods = new LinkedHashMap<>();

    public RpcEndpoint(String topic, RpcVersion version) {
        this.topic = topic;
        this.version = version;
    }

    public <A> RpcEndpoint on(String method, Class<A> argType, RpcHandler<A> handler) {
        if (methods.putIfAbsent(method, new Registration<>(argType, handler)) != null) {
            throw new IllegalStateException("method " + method + " registered twice on " + topic);
        }
        return this;
    }

    public String topic() {
        return topic;
    }

    public RpcVersion version() {
        return version;
    }

    public Optional<Registration<?>> registration(String method) {
        return Optional.ofNullable(methods.get(method));
    }
}

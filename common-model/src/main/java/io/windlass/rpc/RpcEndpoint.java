package io.windlass.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The methods a service serves on one topic, at one API version. Built once at start:
 * <pre>
 * new RpcEndpoint(RpcTopics.CONDUCTOR, ConductorRpcApi.VERSION)
 *     .on(ConductorRpcApi.BUILD_CONTAINER, containers::build)
 * </pre>
 */
public final class RpcEndpoint {

    /** How meters name a method this endpoint does not have (a name from the wire is not a safe tag). */
    public static final String UNKNOWN_METHOD = "unknown";

    /** A registered method: its payload type, the version that introduced it, and its handler. */
    public record Registration<A>(Class<A> argType, RpcVersion introduced, RpcHandler<A> handler) {
    }

    private final String topic;
    private final RpcVersion version;
    private final Map<String, Registration<?>> methods = new LinkedHashMap<>();

    public RpcEndpoint(String topic, RpcVersion version) {
        this.topic = topic;
        this.version = version;
    }

    public <A> RpcEndpoint on(RpcMethod<A> method, RpcHandler<A> handler) {
        if (method.introduced().isNewerThan(version)) {
            throw new IllegalStateException(method.name() + " (RPC " + method.introduced() + ") is newer than "
                    + topic + "'s API " + version);
        }
        return register(method.name(), new Registration<>(method.argType(), method.introduced(), handler));
    }

    /** A method of the endpoint's whole major version (the RPC layer's own tests). */
    public <A> RpcEndpoint on(String method, Class<A> argType, RpcHandler<A> handler) {
        return register(method, new Registration<>(argType, new RpcVersion(version.major(), 0), handler));
    }

    private RpcEndpoint register(String method, Registration<?> registration) {
        if (methods.putIfAbsent(method, registration) != null) {
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

    /** {@code method} when this endpoint has it (at any version), else {@link #UNKNOWN_METHOD}. */
    public String methodTag(String method) {
        return method != null && methods.containsKey(method) ? method : UNKNOWN_METHOD;
    }

    /** The method as a server at {@code served} has it: not at all when it came later. */
    public Optional<Registration<?>> registration(String method, RpcVersion served) {
        Registration<?> registration = methods.get(method);
        return registration == null || registration.introduced().isNewerThan(served) ? Optional.empty()
                : Optional.of(registration);
    }
}

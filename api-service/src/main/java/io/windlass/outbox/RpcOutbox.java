package io.windlass.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcCasts;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.RpcMethod;
import io.windlass.rpc.RpcTracing;
import io.windlass.rpc.RpcVersion;
import io.windlass.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Records a cast in the caller's transaction instead of sending it: the row and the message it
 * announces commit together or not at all, so a request is never answered 202 with nothing on
 * its way, nor 503 with its row left behind. After commit the {@link OutboxRelay} sends it.
 * The version is chosen now, so a cap that refuses the method fails the request, not the relay.
 * <p>
 * The request's trace context is recorded with it (beside the request context, in the same jsonb:
 * no schema change, and an older relay reads the context as before), so the cast the relay sends
 * after commit continues the request's trace.
 */
@ApplicationScoped
public class RpcOutbox implements RpcCasts {
    private final EntityManager em;
    private final RpcClient rpc;
    private final ObjectMapper json;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    /** Where the trace context sits in the recorded context ({@link OutboxRelay} reads it back). */
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    public RpcOutbox(EntityManager em, RpcClient rpc, ObjectMapper json, AfterCommit afterCommit, OutboxRelay relay) {
        this.em = em;
        this.rpc = rpc;
        this.json = json;
        this.afterCommit = afterCommit;
        this.relay = relay;
    }

    @Override
    public <A> void cast(String topic, RpcMethod<A> method, RequestContext context, A args) {
        if (!afterCommit.inTransaction()) {
            throw new IllegalStateException("cast " + method.name() + " outside a transaction: it would commit "
                    + "apart from the change it announces");
        }
        RpcVersion version = rpc.versionFor(topic, method);
        try {
            em.createNativeQuery("insert into rpc_outbox (topic, method, version, context, args) "
                            + "values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb))")
                    .setParameter(1, topic).setParameter(2, method.name()).setParameter(3, version.toString())
                    .setParameter(4, json.writeValueAsString(withTrace(context)))
                    .setParameter(5, json.writeValueAsString(args))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + method.name() + " arguments", e);
        }
        afterCommit.run(relay::wake);
    }

    /** The request context as recorded: its own fields, and the current trace's W3C fields when tracing. */
    private Object withTrace(RequestContext context) {
        RpcTracing.Headers trace = RpcTracing.Headers.current();
        if (trace.traceparent() == null || context == null) {
            return context;
        }
        ObjectNode recorded = json.valueToTree(context);
        recorded.put(TRACEPARENT, trace.traceparent());
        if (trace.tracestate() != null) {
            recorded.put(TRACESTATE, trace.tracestate());
        }
        return recorded;
    }
}

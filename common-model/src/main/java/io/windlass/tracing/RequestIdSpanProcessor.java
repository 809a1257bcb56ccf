package io.windlass.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.windlass.rpc.RpcTracing;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

/**
 * Puts the request id of the log lines ({@code request_id} in the MDC) on every span started while
 * it is set: the agent's engine calls, the database and HTTP client spans of a handler, so that each
 * span of a trace names its request without every instrumentation knowing about it. Spans that set
 * the attribute themselves (the RPC layer's, the API's HTTP span) keep their own value.
 * <p>
 * Quarkus' OpenTelemetry extension adds every {@link SpanProcessor} bean to the tracer provider.
 */
@Singleton
public class RequestIdSpanProcessor implements SpanProcessor {
    static final String MDC_KEY = "request_id";

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getAttribute(RpcTracing.REQUEST_ID) != null) {
            return;
        }
        Object requestId = MDC.get(MDC_KEY);
        if (requestId instanceof String id && !id.isEmpty()) {
            span.setAttribute(RpcTracing.REQUEST_ID, id);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing to add once it ended
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}

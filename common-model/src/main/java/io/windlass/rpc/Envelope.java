package io.windlass.rpc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.context.RequestContext;

import java.time.Instant;

/**
 * What travels on the wire for every RPC message (JSON).
 *
 * @param method      handler name on the receiving topic, e.g. {@code create_container}
 * @param version     RPC API version the sender speaks ("1.0"), checked by the server
 * @param args        the payload record serialised as JSON
 * @param context     request context (request ids, user, project, roles)
 * @param msgId       unique per message; used for de-duplication and in logs
 * @param replyTo     reply address for calls, null for casts
 * @param sentAt      when the sender published it
 * @param traceparent the sender's W3C trace context ({@code 00-<trace id>-<span id>-<flags>}), so the
 *                    receiver's span continues the sender's trace; absent when the sender traces nothing
 *                    or is older ({@link RpcTracing})
 * @param tracestate  the W3C {@code tracestate} that goes with it, absent when empty
 */
/* newer senders may add fields (minor RPC versions): ignore what we do not know */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(String method, String version, JsonNode args, RequestContext context,
                       String msgId, String replyTo, Instant sentAt,
                       // optional on the wire: an envelope without a trace reads as older senders wrote it
                       @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String tracestate) {

    /** An envelope that carries no trace context. */
    public Envelope(String method, String version, JsonNode args, RequestContext context, String msgId,
                    String replyTo, Instant sentAt) {
        this(method, version, args, context, msgId, replyTo, sentAt, null, null);
    }
}

package io.windlass.rpc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.context.RequestContext;

import java.time.Instant;

/**
 * What travels on the wire for every RPC message (JSON).
 *
 * @param method  handler name on the receiving topic, e.g. {@code create_container}
 * @param version RPC API version the sender speaks ("1.0"), checked by the server
 * @param args    the payload record serialised as JSON
 * @param context request context (request ids, user, project, roles)
 * @param msgId   unique per message; used for de-duplication and in logs
 * @param replyTo reply address for calls, null for casts
 * @param sentAt  when the sender published it
 */
/* newer senders may add fields (minor RPC versions): ignore what we do not know */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(String method, String version, JsonNode args, RequestContext context,
                       String msgId, String replyTo, Instant sentAt) {
}

package io.windlass.rpc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a call: either a result or a remote error (never both).
 *
 * @param result the handler's return value as JSON (may be null for void handlers)
 * @param error  set when the handler failed
 */
/* newer senders may add fields (minor RPC versions): ignore what we do not know */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RpcReply(JsonNode result, RemoteError error) {

    /**
     * A failure on the serving side, named so that callers can map it to an API error.
     *
     * @param type    the exception's simple class name, or a domain name such as {@code NoValidHost}
     * @param message human readable message, safe to show to API users
     */
    public record RemoteError(String type, String message) {
    }
}

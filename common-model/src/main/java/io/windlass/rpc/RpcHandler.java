package io.windlass.rpc;

import io.windlass.context.RequestContext;

/**
 * Handles one RPC method. Must be idempotent: a message can be delivered twice
 * (redelivery after a crash before the ack).
 *
 * @param <A> the payload record type
 */
@FunctionalInterface
public interface RpcHandler<A> {
    /** @return the reply for calls (ignored for casts); may be null */
    Object handle(RequestContext context, A args) throws Exception;
}

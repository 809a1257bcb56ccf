package io.windlass.rpc;

import io.windlass.context.RequestContext;

/**
 * Where a service's durable casts go: straight to the broker ({@link RpcClient}), or, in the
 * api-service, into an outbox written in the same transaction as the change the cast announces
 * and relayed to the broker after commit, so that a broker outage delays work instead of
 * failing the request.
 */
public interface RpcCasts {

    /** A durable, confirmed, one-way message to {@code topic}, at the version the method's cap allows. */
    <A> void cast(String topic, RpcMethod<A> method, RequestContext context, A args);
}

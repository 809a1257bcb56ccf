package io.windlass.outbox;

import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.RpcClient;
import io.windlass.rpc.cdi.RpcConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The api-service's conductor API: its casts go through the outbox; its calls (resize) go straight out. */
@ApplicationScoped
public class OutboxProducers {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    ConductorRpcApi conductorApi(RpcClient client, RpcOutbox outbox, RpcConfig config) {
        return new ConductorRpcApi(client, outbox, config.callTimeout());
    }
}

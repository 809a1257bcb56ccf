package io.windlass.networking;

import io.windlass.api.context.CurrentRequestContext;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/** Applies {@link NeutronAccess} to the current caller, answering refusals as Neutron does. */
@ApplicationScoped
public class NetworkingPolicy {
    private final CurrentRequestContext context;

    public NetworkingPolicy(CurrentRequestContext context) {
        this.context = context;
    }

    public RequestContext caller() {
        return context.get();
    }

    /** @param notFound the resource's own 404, for what the caller may not see */
    public void read(String owner, boolean shared, Supplier<NeutronException> notFound) {
        answer(NeutronAccess.read(caller(), owner, shared), "get", notFound);
    }

    public void write(String rule, String owner, boolean shared, Supplier<NeutronException> notFound) {
        answer(NeutronAccess.write(caller(), owner, shared), rule, notFound);
    }

    public void create(String rule, String targetProject) {
        answer(NeutronAccess.create(caller(), targetProject), rule, () -> NeutronException.policy(rule));
    }

    /** An attribute only an admin may set ({@code shared}, {@code binding:host_id}). */
    public void adminOnly(String rule) {
        if (!caller().isAdmin()) {
            throw NeutronException.policy(rule);
        }
    }

    public boolean isAdmin() {
        return caller().isAdmin();
    }

    private static void answer(NeutronAccess.Outcome outcome, String rule, Supplier<NeutronException> notFound) {
        switch (outcome) {
            case ALLOW -> {
            }
            case NOT_FOUND -> throw notFound.get();
            case FORBIDDEN -> throw NeutronException.policy(rule);
        }
    }
}

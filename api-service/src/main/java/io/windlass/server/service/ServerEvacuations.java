package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.action.ActionLog;
import io.windlass.migration.persistence.MigrationRepository;
import io.windlass.api.error.ConflictException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.rpc.RpcVersionCapExceeded;
import io.windlass.server.EvacuateServer;
import io.windlass.server.ServerTaskState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Nova's evacuate behind the API: an admin rebuilds a server of a down host on another host. The
 * checks are {@link EvacuationRules}'; then the task state {@code rebuilding} and the conductor's
 * {@code evacuate_server} are recorded together (the outbox), and the conductor does the rest.
 */
@ApplicationScoped
public class ServerEvacuations {
    private static final Logger LOG = Logger.getLogger(ServerEvacuations.class);

    private final ServerRepository repository;
    private final ServerLookup lookup;
    private final ServerPolicy policy;
    private final ComputeHostRepository hosts;
    private final ServiceLivenessConfig liveness;
    private final ConductorRpcApi conductor;
    private final ActionLog actions;
    private final MigrationRepository migrations;

    public ServerEvacuations(ServerRepository repository, ServerLookup lookup, ServerPolicy policy,
                             ComputeHostRepository hosts, ServiceLivenessConfig liveness, ConductorRpcApi conductor,
                             ActionLog actions, MigrationRepository migrations) {
        this.actions = actions;
        this.migrations = migrations;
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
        this.hosts = hosts;
        this.liveness = liveness;
        this.conductor = conductor;
    }

    /** @return the password the server gets (given, or generated unless on shared storage), or null */
    public String evacuate(RequestContext caller, String id, EvacuationRequest request) {
        ServerEntity found = lookup.visible(caller, id, ServerPolicy.EVACUATE);
        policy.authorize(ServerPolicy.EVACUATE, caller, found.projectId);
        boolean destinationFound = request.host() == null || hosts.exists(request.host());
        // a host without a row never heart-beat: it is not up
        boolean sourceUp = found.host != null && hosts.find(found.host)
                .map(h -> h.up(liveness.serviceDownTime())).orElse(false);
        EvacuationRules.require(found, request, destinationFound, sourceUp);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ServerEntity s = repository.lockLive(found.uuid).orElseThrow(() -> ServerLookup.notFound(id));
                // an action may have started since the checks
                EvacuationRules.requireState(s);
                s.taskState = ServerTaskState.REBUILDING;
                actions.record(caller, ActionLog.SERVER, s.uuid, s.projectId, "evacuate");
                migrations.recordEvacuation(caller, s, request.host());
                conductor.evacuateServer(caller, new EvacuateServer(s.uuid.toString(), s.host, request.host(),
                        request.stopped()));
            });
        } catch (RpcVersionCapExceeded e) {
            // Nova's UnsupportedRPCVersion: the conductors still run a release without evacuate
            throw new ConflictException("UnsupportedRPCVersion", e.getMessage());
        }
        LOG.infof("server %s: evacuation off %s requested%s", found.uuid, found.host,
                request.host() == null ? "" : " to " + request.host());
        if (request.adminPass() != null) {
            return request.adminPass();
        }
        // the password is not injected (there is no guest agent); Nova answers a new one all the same
        return request.onSharedStorage() ? null : ServerNames.adminPassword();
    }
}

package io.windlass.server.service;

import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.persistence.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's {@code os-server-external-events}: the notices Neutron (a port plugged, unplugged, changed)
 * and Cinder (a volume extended) send Nova about a server. Each event is answered as Nova answers it
 * ({@link ServerExternalEvent#decided}). An accepted event is logged and needs nothing more here:
 * Nova's handlers refresh its copy of the network info or wake a spawn waiting for a plug, while
 * Windlass's ports are its own and a workload's addresses are read from them, so there is no copy to
 * refresh and no plug to wait for; {@code power-update} is for Ironic's bare-metal nodes, which this
 * engine has none of.
 */
@ApplicationScoped
public class ServerExternalEvents {
    private static final Logger LOG = Logger.getLogger(ServerExternalEvents.class);

    private final ServerRepository servers;

    public ServerExternalEvents(ServerRepository servers) {
        this.servers = servers;
    }

    /**
     * @return each event with its status and code, in the order given
     * @throws ResourceNotFoundException when no event was accepted (Nova's 404)
     */
    public List<ServerExternalEvent> create(List<ServerExternalEvent> received) {
        List<ServerExternalEvent> decided = received.stream().map(event -> {
            Optional<ServerEntity> server = servers.findLive(UUID.fromString(event.serverUuid()));
            return event.decided(server.isPresent(), server.map(s -> s.host).orElse(null));
        }).toList();
        decided.forEach(event -> {
            if (event.accepted()) {
                LOG.infof("server %s: external event %s%s (%s) accepted", event.serverUuid(), event.name(),
                        event.tag() == null ? "" : ":" + event.tag(), event.status());
            } else {
                LOG.debugf("server %s: external event %s dropped (%d)", event.serverUuid(), event.name(),
                        event.code());
            }
        });
        if (decided.stream().noneMatch(ServerExternalEvent::accepted)) {
            throw new ResourceNotFoundException("HTTPNotFound", "No instances found for any event");
        }
        return decided;
    }
}

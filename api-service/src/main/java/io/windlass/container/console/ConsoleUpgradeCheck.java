package io.windlass.container.console;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * The websocket's door: the upgrade goes through only with a token this api-service issued for the
 * container the URL names ({@code ?token=&uuid=}, as Zun's proxy URL carries them), not used before
 * and not expired. The token is taken here, so a second connection with it is refused; the ticket
 * goes to the connection as {@link #TICKET}. Refused: 403 before any websocket exists.
 */
@ApplicationScoped
public class ConsoleUpgradeCheck implements HttpUpgradeCheck {
    static final UserData.TypedKey<ConsoleTicket> TICKET = new UserData.TypedKey<>("windlass.console.ticket");
    private static final Logger LOG = Logger.getLogger(ConsoleUpgradeCheck.class);
    private static final int FORBIDDEN = 403;

    private final ConsoleTickets tickets;

    public ConsoleUpgradeCheck(ConsoleTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ConsoleSocket.ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        Optional<ConsoleTicket> ticket = tickets.redeem(request.getParam("token"), request.getParam("uuid"),
                Instant.now());
        if (ticket.isEmpty()) {
            LOG.infof("console websocket from %s refused: no valid token for container %s",
                    request.remoteAddress(), request.getParam("uuid"));
            return CheckResult.rejectUpgrade(FORBIDDEN);
        }
        context.userData().put(TICKET, ticket.get());
        return CheckResult.permitUpgrade();
    }
}

package io.windlass.container.console;

import io.windlass.console.cdi.ConsoleConfig;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The websocket tokens of this api-service: 256 random bits each, issued with the exec or attach
 * answer, good for one connection within {@code windlass.console.token-ttl}, and only for the
 * container they were issued for (Zun's proxy checks its token against the container too). Kept
 * in memory: the URL names this replica's own address, where the websocket then comes.
 */
@ApplicationScoped
public class ConsoleTickets {
    private static final int TOKEN_BYTES = 32;

    private final Map<String, ConsoleTicket> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;

    @Inject
    public ConsoleTickets(ConsoleConfig config) {
        this.ttl = config.tokenTtl();
    }

    ConsoleTickets(Duration ttl) {
        this.ttl = ttl;
    }

    /** @return the token for {@code ticket}'s websocket */
    public String issue(RequestContext caller, String containerUuid, String host, String kind, String execId,
                        Instant now) {
        forgetExpired(now);
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new ConsoleTicket(caller, containerUuid, host, kind, execId, now.plus(ttl)));
        return token;
    }

    /** Whether {@code token} would be redeemed for {@code containerUuid} now (the upgrade's check; it stays). */
    public boolean isValid(String token, String containerUuid, Instant now) {
        ConsoleTicket t = token == null ? null : issued.get(token);
        return t != null && matches(t, containerUuid, now);
    }

    /** The ticket, taken: a second connection with the same token is refused. */
    public Optional<ConsoleTicket> redeem(String token, String containerUuid, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        ConsoleTicket t = issued.get(token);
        if (t == null || !matches(t, containerUuid, now) || !issued.remove(token, t)) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private static boolean matches(ConsoleTicket t, String containerUuid, Instant now) {
        return t.containerUuid().equals(containerUuid) && now.isBefore(t.expiresAt());
    }

    private void forgetExpired(Instant now) {
        issued.values().removeIf(t -> !now.isBefore(t.expiresAt()));
    }
}

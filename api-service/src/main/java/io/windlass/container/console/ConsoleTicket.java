package io.windlass.container.console;

import io.windlass.context.RequestContext;

import java.time.Instant;

/**
 * What a websocket token stands for: one console of one container of one project, on the host
 * that runs it, good until {@code expiresAt}.
 *
 * @param caller who asked for it: the session acts as them (the request id of the exec or attach)
 * @param kind   {@link io.windlass.container.OpenConsole#EXEC} or {@link io.windlass.container.OpenConsole#ATTACH}
 * @param execId the interactive exec instance (exec); null otherwise
 */
public record ConsoleTicket(RequestContext caller, String containerUuid, String host, String kind, String execId,
                            Instant expiresAt) {
}

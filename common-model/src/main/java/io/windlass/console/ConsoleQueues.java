package io.windlass.console;

import io.windlass.rpc.RpcSettings;
import io.windlass.rpc.RpcTopics;

/**
 * The two queues of one console session, named under the host's own queue
 * ({@code <namespace>.compute.<host>.console.<session>.to-agent} and {@code .to-api}) because an
 * agent's broker user may declare and read only queues under its own name.
 *
 * @param toAgent what the api-service sends (the terminal's input, the end)
 * @param toApi   what the agent sends (the process's output, the end)
 */
public record ConsoleQueues(String toAgent, String toApi) {

    /** @param session the session's id: random, and not the websocket's token (queue names are no secret) */
    public static ConsoleQueues of(RpcSettings settings, String host, String session) {
        if (!session.matches("[0-9a-f-]{8,64}")) {
            throw new IllegalArgumentException("not a session id: " + session);
        }
        String prefix = settings.queueFor(RpcTopics.compute(host)) + ".console." + session;
        return new ConsoleQueues(prefix + ".to-agent", prefix + ".to-api");
    }
}

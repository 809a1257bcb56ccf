package io.windlass.agent.server;

import io.windlass.agent.workload.Observed;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAddress;

import java.util.List;
import java.util.Map;

/**
 * One server as the engine sees it now.
 *
 * @param uuid         server uuid
 * @param engineId     engine's own id of the workload
 * @param powerState   Nova power state the engine state maps to
 * @param addresses    network name to addresses on it
 * @param rescued      a rescue system runs in its place; {@code powerState} is then that system's
 * @param neverStarted made and not started since (the engine's {@code created}): a spawn whose start
 *                     was cut off
 */
public record ObservedServer(String uuid, String engineId, PowerState powerState,
                             Map<String, List<ServerAddress>> addresses, boolean rescued, boolean neverStarted)
        implements Observed {
    public ObservedServer {
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }

    /** A server not rescued, started at least once. */
    public ObservedServer(String uuid, String engineId, PowerState powerState,
                          Map<String, List<ServerAddress>> addresses) {
        this(uuid, engineId, powerState, addresses, false, false);
    }
}

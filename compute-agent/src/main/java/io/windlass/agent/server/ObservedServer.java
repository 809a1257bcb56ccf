package io.windlass.agent.server;

import io.windlass.agent.workload.Observed;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAddress;

import java.util.List;
import java.util.Map;

/**
 * One server as the engine sees it now.
 *
 * @param uuid       server uuid
 * @param engineId   engine's own id of the workload
 * @param powerState Nova power state the engine state maps to
 * @param addresses  network name to addresses on it
 */
public record ObservedServer(String uuid, String engineId, PowerState powerState,
                             Map<String, List<ServerAddress>> addresses) implements Observed {
    public ObservedServer {
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }
}

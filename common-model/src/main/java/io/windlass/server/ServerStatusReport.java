package io.windlass.server;

import io.windlass.workload.WorkloadReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an agent observed of one server; the conductor turns it into vm_state/power_state
 * unless a newer report was applied already ({@link #observedAt} orders reports).
 *
 * @param uuid          server uuid
 * @param host          reporting host
 * @param powerState    observed power state
 * @param engineId      engine workload id, null if none
 * @param addresses     network name to addresses
 * @param fault         the requested operation failed with this message (spawn failures put the server in ERROR), else null
 * @param gone          the engine workload no longer exists (destroyed on purpose or lost)
 * @param operationDone the agent finished the operation it was asked for: clear task_state
 * @param observedAt    when the agent looked
 * @param rescued       a rescue system runs in the server's place (Nova's rescue); null from an agent that does
 *                      not say (before compute 1.23), when the conductor goes by the task state alone
 */
public record ServerStatusReport(String uuid, String host, PowerState powerState, String engineId,
                                 Map<String, List<ServerAddress>> addresses, String fault, boolean gone,
                                 boolean operationDone, Instant observedAt, Boolean rescued) implements WorkloadReport {
    public ServerStatusReport {
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }

    /** A report that says nothing of a rescue: of a server gone, or failed before it ran. */
    public ServerStatusReport(String uuid, String host, PowerState powerState, String engineId,
                              Map<String, List<ServerAddress>> addresses, String fault, boolean gone,
                              boolean operationDone, Instant observedAt) {
        this(uuid, host, powerState, engineId, addresses, fault, gone, operationDone, observedAt, null);
    }
}

package io.windlass.container;

import io.windlass.workload.WorkloadReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an agent observed of one container; the conductor applies it to the row unless a
 * newer report was applied already ({@link #observedAt} orders reports).
 *
 * @param uuid         container uuid
 * @param host         reporting host
 * @param status       observed status
 * @param statusReason why (errors), or null
 * @param statusDetail engine's human summary, e.g. "Up 5 minutes"
 * @param engineId     engine container id, null if none
 * @param addresses    network name/id to addresses
 * @param ports        exposed ports
 * @param command      effective command (image default written back when none was given)
 * @param gone         the engine container no longer exists (deleted on purpose or lost)
 * @param operationDone the agent finished the operation it was asked for: clear task_state
 * @param observedAt   when the agent looked
 * @param health       the engine's health of it ({@code starting}, {@code healthy}, {@code unhealthy}), null
 *                     without a health check; an optional field an older conductor ignores
 */
public record ContainerStatusReport(String uuid, String host, ContainerStatus status, String statusReason,
                                    String statusDetail, String engineId,
                                    Map<String, List<ContainerAddress>> addresses, List<Integer> ports,
                                    List<String> command, boolean gone, boolean operationDone,
                                    Instant observedAt, String health) implements WorkloadReport {

    /** A report without health: gone, failed, or of a container without a health check. */
    public ContainerStatusReport(String uuid, String host, ContainerStatus status, String statusReason,
                                 String statusDetail, String engineId, Map<String, List<ContainerAddress>> addresses,
                                 List<Integer> ports, List<String> command, boolean gone, boolean operationDone,
                                 Instant observedAt) {
        this(uuid, host, status, statusReason, statusDetail, engineId, addresses, ports, command, gone, operationDone,
                observedAt, null);
    }
}

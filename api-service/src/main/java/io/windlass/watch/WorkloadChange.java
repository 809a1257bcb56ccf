package io.windlass.watch;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code workload_changes}: a workload as it was after one change.
 *
 * @param seq          the change's place in commit order, the event id clients resume from
 * @param change       {@code created}, {@code updated} or {@code deleted}
 * @param status       Zun's status; a server's vm_state
 * @param statusReason Zun's status_reason; a server's fault message
 * @param powerState   a server's power state, null for Zun's workloads
 */
public record WorkloadChange(long seq, WorkloadKind kind, UUID uuid, String projectId, String change, String status,
                             String statusReason, String taskState, Integer powerState, String host, Instant at) {
}

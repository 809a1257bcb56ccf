package io.windlass.capsule;

import io.windlass.workload.WorkloadReport;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * conductor.report_capsule_status: the capsule as the agent sees it.
 *
 * @param uuid          capsule uuid
 * @param host          reporting host
 * @param status        derived from the members (Running when all run, Error when one failed, Stopped when all stopped)
 * @param statusReason  why, when Error
 * @param members       every member, init containers included
 * @param addresses     the sandbox's addresses (shared by every member)
 * @param gone          the capsule was deleted on the host
 * @param operationDone the report closes a create or delete
 * @param observedAt    when the agent looked; older reports are ignored
 */
public record CapsuleStatusReport(String uuid, String host, ContainerStatus status, String statusReason,
                                  List<CapsuleMemberState> members, Map<String, List<ContainerAddress>> addresses,
                                  boolean gone, boolean operationDone, Instant observedAt) implements WorkloadReport {
}

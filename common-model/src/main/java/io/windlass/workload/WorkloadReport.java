package io.windlass.workload;

import java.time.Instant;

/**
 * What every agent report says of one workload, whatever its kind: the part the conductor's
 * one report-apply skeleton reads (the kind's own fields are for its rules).
 */
public interface WorkloadReport {
    /** The workload's uuid. */
    String uuid();

    /** The reporting host. */
    String host();

    /** Nothing of the workload is left on the host (removed on purpose, or lost). */
    boolean gone();

    /** The report closes an operation the agent was asked to do: the task state ends. */
    boolean operationDone();

    /** When the agent looked; a report older than the one applied is stale. */
    Instant observedAt();
}

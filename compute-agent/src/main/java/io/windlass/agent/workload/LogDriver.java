package io.windlass.agent.workload;

import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;

/**
 * What {@code workload_logs} (compute RPC 1.9) needs of a kind whose workloads have a log API
 * upstream: Zun containers ({@code logs}) and Nova servers ({@code os-getConsoleOutput}). Both are
 * engine containers, so the engine's one log serves both; each kind's driver only knows which
 * engine container is the workload's. Capsules have no such API upstream, so their driver is not one.
 */
public interface LogDriver {

    /**
     * What the engine logged of the workload, filtered as the request says. A read: it changes
     * nothing, and a stopped workload's log is still there.
     *
     * @throws io.windlass.agent.driver.WorkloadNotFoundException when the engine has no such workload
     */
    WorkloadLog logs(WorkloadLogs request);
}

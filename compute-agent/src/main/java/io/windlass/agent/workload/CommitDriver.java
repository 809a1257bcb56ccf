package io.windlass.agent.workload;

import io.windlass.image.CommittedImage;

/**
 * What {@code commit_workload} (compute RPC 1.14) needs of a kind whose workloads can become
 * images upstream: Nova servers (createImage, createBackup) and Zun containers (commit). Both are
 * engine containers; each kind's driver only knows which engine container is the workload's.
 */
public interface CommitDriver {

    /**
     * The workload's filesystem committed to {@code reference} on this host, the workload paused
     * while the engine copies it. Committing to a reference again moves the tag to the new image.
     *
     * @throws io.windlass.agent.driver.WorkloadNotFoundException when the engine has no such workload
     */
    CommittedImage commit(String uuid, String reference);
}

package io.windlass.workload;

import java.time.Instant;

/**
 * What the lifecycle decisions read of a row, whatever its kind.
 *
 * @param phase            where the workload is
 * @param busy             a task state is set (an operation is running)
 * @param host             where it is placed, or null
 * @param observedAt       the newest agent observation applied, or null
 * @param createdAt        when the row was written
 * @param updatedAt        when the row last changed (a task state's age)
 * @param removedWithEngine the row goes when its engine workload goes (Zun's auto_remove)
 * @param createPending    its task is still the create's: the host never reported the create's end
 * @param replacing        its host replaces the engine workload (a server's rebuild): the old one's removal
 *                         is a step of that, not a loss
 * @param healsWhenLost    an engine workload lost from its host is made again there (Zun's auto_heal)
 * @param keptOn           another host that keeps a stopped copy on purpose (the source of a server's
 *                         cold migration, until it is confirmed or reverted), or null
 */
public record RowState(Phase phase, boolean busy, String host, Instant observedAt, Instant createdAt,
                       Instant updatedAt, boolean removedWithEngine, boolean createPending, boolean replacing,
                       boolean healsWhenLost, String keptOn) {
    /** A row no other host keeps a copy of. */
    public RowState(Phase phase, boolean busy, String host, Instant observedAt, Instant createdAt,
                    Instant updatedAt, boolean removedWithEngine, boolean createPending, boolean replacing,
                    boolean healsWhenLost) {
        this(phase, busy, host, observedAt, createdAt, updatedAt, removedWithEngine, createPending, replacing,
                healsWhenLost, null);
    }

    /** A row that is not made again when its engine workload is lost. */
    public RowState(Phase phase, boolean busy, String host, Instant observedAt, Instant createdAt,
                    Instant updatedAt, boolean removedWithEngine, boolean createPending, boolean replacing) {
        this(phase, busy, host, observedAt, createdAt, updatedAt, removedWithEngine, createPending, replacing, false);
    }

    /** A row whose engine workload is never replaced in place. */
    public RowState(Phase phase, boolean busy, String host, Instant observedAt, Instant createdAt,
                    Instant updatedAt, boolean removedWithEngine, boolean createPending) {
        this(phase, busy, host, observedAt, createdAt, updatedAt, removedWithEngine, createPending, false);
    }
}

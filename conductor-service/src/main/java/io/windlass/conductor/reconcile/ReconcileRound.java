package io.windlass.conductor.reconcile;

import java.util.List;

/**
 * What one reconciliation round changed.
 *
 * @param ran              this replica held the lock and did the round
 * @param markedUnknown    containers of silent hosts now Unknown
 * @param buildTimedOut    never-scheduled containers now Error
 * @param taskStateCleared containers whose stale task state was cleared
 */
public record ReconcileRound(boolean ran, List<String> markedUnknown, List<String> buildTimedOut,
                             List<String> taskStateCleared) {

    static ReconcileRound skipped() {
        return new ReconcileRound(false, List.of(), List.of(), List.of());
    }
}

package io.windlass.workload;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconciliation round changed.
 *
 * @param ran     this replica held the lock and did the round
 * @param repairs per kind, the uuids each repair was applied to
 */
public record ReconcileRound(boolean ran, Map<String, Map<Repair, List<String>>> repairs) {

    static ReconcileRound skipped() {
        return new ReconcileRound(false, Map.of());
    }

    /** The uuids of one kind the round applied {@code repair} to. */
    public List<String> repaired(String kind, Repair repair) {
        return repairs.getOrDefault(kind, Map.of()).getOrDefault(repair, List.of());
    }

    void log(Logger log) {
        repairs.forEach((kind, byRepair) -> byRepair.forEach((repair, uuids) ->
                log.warnf("reconcile: %s on %d %s(s): %s", repair, uuids.size(), kind, uuids)));
    }

    static final class Builder {
        private final Map<String, Map<Repair, List<String>>> repairs = new LinkedHashMap<>();

        void add(String kind, Repair repair, String uuid) {
            repairs.computeIfAbsent(kind, k -> new EnumMap<>(Repair.class))
                    .computeIfAbsent(repair, r -> new ArrayList<>()).add(uuid);
        }

        ReconcileRound build() {
            return new ReconcileRound(true, repairs);
        }
    }
}

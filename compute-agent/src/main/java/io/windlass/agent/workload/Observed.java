package io.windlass.agent.workload;

/** A workload as its engine shows it now ({@code ObservedContainer}, {@code ObservedServer}, {@code ObservedCapsule}). */
public interface Observed {
    /** The workload's Windlass uuid. */
    String uuid();

    /**
     * Whether {@code other} shows the workload as this does, apart from what only the passing of
     * time changes (a report of either tells the conductor the same).
     */
    default boolean sameAs(Observed other) {
        return equals(other);
    }
}

package io.windlass.agent.workload;

/** A workload as its engine shows it now ({@code ObservedContainer}, {@code ObservedServer}, {@code ObservedCapsule}). */
public interface Observed {
    /** The workload's Windlass uuid. */
    String uuid();
}

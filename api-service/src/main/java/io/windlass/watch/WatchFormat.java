package io.windlass.watch;

/** A change as one API family tells it: its event name and JSON in the family's own vocabulary. */
public interface WatchFormat {
    /** @param showHost whether the watcher's policy lets it see the workload's host */
    WatchEvent event(WorkloadChange change, boolean showHost);
}

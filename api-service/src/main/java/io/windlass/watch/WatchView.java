package io.windlass.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one watcher sees of a change: nothing outside its {@link WatchScope}, otherwise the
 * family's event, with the host when its policy shows that project's hosts. The policy answer is
 * asked once per project and kept for the stream's life (only the dispatch thread uses it).
 */
public final class WatchView {
    private final WatchScope scope;
    private final WatchFormat format;
    private final Predicate<String> showsHostOf;
    private final Map<String, Boolean> hostShown = new HashMap<>();

    /** @param showsHostOf whether the watcher may see the host of a workload of that project */
    public WatchView(WatchScope scope, WatchFormat format, Predicate<String> showsHostOf) {
        this.scope = scope;
        this.format = format;
        this.showsHostOf = showsHostOf;
    }

    public Optional<WatchEvent> render(WorkloadChange change) {
        if (!scope.covers(change)) {
            return Optional.empty();
        }
        boolean host = hostShown.computeIfAbsent(change.projectId(), showsHostOf::test);
        return Optional.of(format.event(change, host));
    }
}

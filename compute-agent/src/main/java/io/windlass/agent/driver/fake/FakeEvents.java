package io.windlass.agent.driver.fake;

import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The event stream of a fake driver: what it changes, it tells its listeners at once. */
final class FakeEvents {
    private final List<EngineEventListener> listeners = new CopyOnWriteArrayList<>();

    EventSubscription follow(EngineEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void emit(String uuid, String action) {
        EngineEvent event = new EngineEvent(uuid, action, Instant.now());
        listeners.forEach(l -> l.onEvent(event));
    }

    void close() {
        listeners.clear();
    }
}

package io.windlass.agent.driver;

/** An open event stream; closing it does not call {@link EngineEventListener#onClosed}. */
public interface EventSubscription extends AutoCloseable {
    @Override
    void close();
}

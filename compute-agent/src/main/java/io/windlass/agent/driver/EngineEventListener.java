package io.windlass.agent.driver;

/** Receives a driver's event stream; called on the driver's own thread, so keep it short. */
public interface EngineEventListener {

    void onEvent(EngineEvent event);

    /** The stream ended, e.g. the engine restarted; {@code cause} is null on a clean end. */
    void onClosed(Throwable cause);
}

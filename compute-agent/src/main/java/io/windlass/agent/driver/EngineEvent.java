package io.windlass.agent.driver;

import java.time.Instant;

/**
 * Something happened to a managed container.
 *
 * @param uuid   Windlass uuid
 * @param action engine's verb (start, die, stop, pause, destroy, ...)
 * @param time   when the engine says it happened
 */
public record EngineEvent(String uuid, String action, Instant time) {
}

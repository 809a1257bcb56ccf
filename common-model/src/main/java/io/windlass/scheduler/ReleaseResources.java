package io.windlass.scheduler;

/**
 * Free a workload's claim (idempotent).
 *
 * @param consumerUuid workload uuid
 */
public record ReleaseResources(String consumerUuid) {
}

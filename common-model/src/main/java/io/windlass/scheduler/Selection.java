package io.windlass.scheduler;

/**
 * The scheduler's answer: the host whose resources were claimed.
 *
 * @param host chosen host
 */
public record Selection(String host) {
}

package io.windlass.workload;

/**
 * An image whose bytes a host holds that nothing needs once a report's row change has committed (a
 * shelved server's, unshelved where it was shelved). The host is told to remove them after the commit,
 * never before: a change that rolls back still needs them.
 */
public record LeftoverImage(String host, String reference) {
}

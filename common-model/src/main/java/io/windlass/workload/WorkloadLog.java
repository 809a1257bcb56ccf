package io.windlass.workload;

/**
 * The answer to {@link WorkloadLogs}: the log as text (UTF-8 decoded, malformed bytes replaced).
 *
 * @param text      the log; empty when nothing was logged (or the host's driver keeps no log, as the fake one)
 * @param truncated the log was longer than a host sends in one answer, so {@code text} is its end only
 */
public record WorkloadLog(String text, boolean truncated) {
}

package io.windlass.tenantusage.service;

import java.time.Instant;
import java.util.UUID;

/**
 * One server's entry in a usage report (Nova's {@code server_usages} item).
 *
 * @param hours     hours of the window it ran
 * @param localGb   root plus ephemeral disk of its flavor
 * @param endedAt   when it was terminated, or null
 * @param state     {@code terminated} once ended, else its vm_state
 * @param uptime    whole seconds from launch to its end, or to now while it lives
 */
public record ServerUsage(double hours, String flavor, UUID instanceId, String name, String tenantId, int memoryMb,
                          int localGb, int vcpus, Instant startedAt, Instant endedAt, String state, long uptime) {
}

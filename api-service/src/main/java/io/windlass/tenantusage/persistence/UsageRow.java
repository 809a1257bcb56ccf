package io.windlass.tenantusage.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A server as usage is billed from it: the flavor copied onto it at boot, and when it was launched
 * and terminated (null while it lives).
 */
public record UsageRow(UUID uuid, String name, String projectId, String flavorName, int vcpus, int memoryMb,
                       int rootGb, int ephemeralGb, String vmState, Instant launchedAt, Instant terminatedAt) {
}

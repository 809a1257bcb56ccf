package io.windlass.servergroup.persistence;

import java.util.List;
import java.util.UUID;

/**
 * One row of {@code server_groups} with its members.
 *
 * @param id               database key
 * @param uuid             the id clients see
 * @param name             as given
 * @param projectId        the owning project
 * @param userId           the user who made it
 * @param policy           {@code affinity}, {@code anti-affinity}, {@code soft-affinity} or {@code soft-anti-affinity}
 * @param maxServerPerHost the anti-affinity rule {@code max_server_per_host} (2.64), or null when not given
 * @param members          uuids of the servers in the group (deleted servers leave it), in the order they joined
 */
public record ServerGroupRecord(long id, UUID uuid, String name, String projectId, String userId, String policy,
                                Integer maxServerPerHost, List<String> members) {
}

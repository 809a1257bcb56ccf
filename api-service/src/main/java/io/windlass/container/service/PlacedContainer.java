package io.windlass.container.service;

import io.windlass.action.ActionLog;

import java.util.UUID;

/**
 * An engine container that the api-service calls into on its host (Zun's execute, logs, top,
 * archives, consoles): a container's row, or a member of a capsule, whose engine container is
 * named and reached the way a container's is.
 *
 * @param uuid        the engine container's workload uuid: the container's, or the member's
 * @param projectId   whose it is
 * @param host        where it runs
 * @param interactive its stdin is open (a container made interactive; never a capsule member)
 * @param actionKind  the action log its calls are recorded in: {@link ActionLog#CONTAINER} or {@link ActionLog#CAPSULE}
 * @param actionUuid  the workload they are recorded under: the container, or the member's capsule
 */
public record PlacedContainer(UUID uuid, String projectId, String host, boolean interactive, String actionKind,
                              UUID actionUuid) {
}

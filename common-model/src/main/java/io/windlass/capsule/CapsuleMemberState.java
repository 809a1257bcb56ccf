package io.windlass.capsule;

import io.windlass.container.ContainerStatus;

/**
 * What the agent observed of one member container.
 *
 * @param uuid         member uuid
 * @param status       engine state in Zun's spelling
 * @param statusReason why it failed, or null
 * @param engineId     engine container id, or null when it does not exist
 * @param exitCode     exit code once it stopped, or null
 */
public record CapsuleMemberState(String uuid, ContainerStatus status, String statusReason, String engineId,
                                 Integer exitCode) {
}

package io.windlass.container;

/**
 * Asks for an action on an existing container.
 *
 * @param uuid           container uuid
 * @param action         what to do
 * @param timeoutSeconds stop/reboot grace period before SIGKILL; null = engine default
 */
public record ContainerOperation(String uuid, ContainerAction action, Integer timeoutSeconds) {
}

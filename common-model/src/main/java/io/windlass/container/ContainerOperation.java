package io.windlass.container;

/**
 * Asks for an action on an existing container.
 *
 * @param uuid           container uuid
 * @param action         what to do
 * @param timeoutSeconds stop/reboot grace period before SIGKILL; null = engine default
 * @param signal         for a kill: the signal as Zun's {@code signal} names it ({@code SIGTERM}, {@code term},
 *                       {@code 15}); null = the engine's SIGKILL. Since compute 1.16 and conductor 1.9
 */
public record ContainerOperation(String uuid, ContainerAction action, Integer timeoutSeconds, String signal) {

    public ContainerOperation(String uuid, ContainerAction action, Integer timeoutSeconds) {
        this(uuid, action, timeoutSeconds, null);
    }
}

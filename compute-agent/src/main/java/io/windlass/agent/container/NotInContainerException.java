package io.windlass.agent.container;

import io.windlass.agent.driver.DriverException;

/**
 * The container exists but the request names something it does not have: a path to copy from or
 * into, an exec instance to resize. Zun's {@code Invalid}, which it raises from the engine's 404.
 */
public class NotInContainerException extends DriverException {
    public NotInContainerException(String message) {
        super(message);
    }
}

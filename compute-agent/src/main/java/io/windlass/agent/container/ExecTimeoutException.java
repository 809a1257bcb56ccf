package io.windlass.agent.container;

import io.windlass.agent.driver.DriverException;

/** A command run in a container did not end within the host's execute timeout (Zun's {@code execute_timeout}). */
public class ExecTimeoutException extends DriverException {
    public ExecTimeoutException(String message) {
        super(message);
    }
}

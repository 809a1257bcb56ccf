package io.windlass.agent.driver;

/** The engine refused or failed an operation; the message is fit for a container's status_reason. */
public class DriverException extends RuntimeException {
    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}

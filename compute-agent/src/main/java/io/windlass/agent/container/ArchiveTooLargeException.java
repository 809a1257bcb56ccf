package io.windlass.agent.container;

import io.windlass.agent.driver.DriverException;

/** An archive read from a container is larger than its caller takes in one answer. */
public class ArchiveTooLargeException extends DriverException {
    public ArchiveTooLargeException(String message) {
        super(message);
    }
}

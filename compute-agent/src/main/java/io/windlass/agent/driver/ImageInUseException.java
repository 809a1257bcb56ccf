package io.windlass.agent.driver;

/** The engine will not remove an image while a container (running or not) uses it; the message is the engine's. */
public class ImageInUseException extends DriverException {
    public ImageInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}

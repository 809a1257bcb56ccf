package io.windlass.agent.driver;

/** The engine has no container for this uuid. */
public class ContainerNotFoundException extends DriverException {
    public ContainerNotFoundException(String uuid) {
        super("Container " + uuid + " does not exist in the engine");
    }
}

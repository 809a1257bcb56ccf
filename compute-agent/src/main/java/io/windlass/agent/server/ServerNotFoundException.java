package io.windlass.agent.server;

import io.windlass.agent.driver.DriverException;

/** The engine has no server for this uuid. */
public class ServerNotFoundException extends DriverException {
    public ServerNotFoundException(String uuid) {
        super("Server " + uuid + " does not exist in the engine");
    }
}

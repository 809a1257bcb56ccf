package io.windlass.agent.server;

import io.windlass.agent.driver.DriverException;

/**
 * The guest did not take the new root password (Nova's InstancePasswordSetFailed): it is not
 * running, or its image cannot set one. The message is the reason, in words fit for the user,
 * never the password or the guest's own output about it.
 */
public class PasswordNotSetException extends DriverException {
    public PasswordNotSetException(String reason) {
        super(reason);
    }
}

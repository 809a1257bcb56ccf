package io.windlass.agent.capsule;

import io.windlass.agent.driver.DriverException;

/** The capsule could not come up for a reason of its own (an init container failed); the message is the whole reason. */
public class CapsuleFailure extends DriverException {
    public CapsuleFailure(String reason) {
        super(reason);
    }
}

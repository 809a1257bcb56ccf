package io.windlass.agent.driver;

import io.windlass.fault.Transient;

/**
 * The engine did not answer at all (its socket gone, the connection cut mid-call): it is
 * restarting or down, which says nothing about the workload. The operation is tried again when
 * its message comes again, instead of failing the workload.
 */
public class EngineUnreachableException extends DriverException implements Transient {
    public EngineUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

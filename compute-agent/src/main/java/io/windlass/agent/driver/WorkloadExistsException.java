package io.windlass.agent.driver;

/**
 * The engine already holds a workload of this name: an earlier delivery of the same create made it
 * (the names are the workloads' uuids). A create is tried before anything is looked up, so this is
 * how a redelivered create learns that there is something to finish ({@code WorkloadOperations}).
 */
public class WorkloadExistsException extends DriverException {
    public WorkloadExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}

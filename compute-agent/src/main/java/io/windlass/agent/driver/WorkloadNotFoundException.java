package io.windlass.agent.driver;

/** The engine has nothing of this workload (a container, server or capsule) any more. */
public class WorkloadNotFoundException extends DriverException {
    /** @param noun how the workload is named in messages: {@code Container}, {@code Server}, {@code Capsule} */
    public WorkloadNotFoundException(String noun, String uuid) {
        super(noun + " " + uuid + " does not exist in the engine");
    }
}

package io.windlass.agent.driver.docker;

/** Engine labels Windlass puts on the containers it manages. */
public final class DockerLabels {
    /** Marks a container as Windlass's; the agent ignores everything else on the engine. */
    public static final String MANAGED = "windlass.managed";
    public static final String UUID = "windlass.uuid";
    public static final String PROJECT = "windlass.project";

    private DockerLabels() {
    }
}

package io.windlass.agent.driver.docker;

/** Engine labels Windlass puts on the containers it manages. */
public final class DockerLabels {
    /** Marks a container as Windlass's; the agent ignores everything else on the engine. */
    public static final String MANAGED = "windlass.managed";
    /** Uuid of a Zun container (only Zun containers carry it). */
    public static final String UUID = "windlass.uuid";
    public static final String PROJECT = "windlass.project";
    /**
     * What kind of Windlass workload an engine container is. Absent on Zun containers (those made
     * before the label existed included), {@link #KIND_SERVER} on a Nova server's.
     */
    public static final String KIND = "windlass.kind";
    public static final String KIND_SERVER = "server";
    /** A rescued server's rescue system, which also carries {@link #RESCUE_OF}. */
    public static final String KIND_SERVER_RESCUE = "server-rescue";
    /** On a rescue system's engine container: the uuid of the server it rescues. */
    public static final String RESCUE_OF = "windlass.rescue-of";
    /** Uuid of the Nova server an engine container realises. */
    public static final String SERVER_UUID = "windlass.server.uuid";
    /**
     * On the image a server was shelved to: that server's uuid. The image is the server's own (its
     * catalogue row is deleted once the server runs from it again), so it is removed from the host
     * with the server's engine container; images made from it otherwise keep it but name another
     * server than the one they realise, so nothing removes them by mistake.
     */
    public static final String SHELVED_FOR = "windlass.shelved-for";
    /** Prefix of a server's metadata items: {@code windlass.meta.<key>=<value>}. */
    public static final String META_PREFIX = "windlass.meta.";

    private DockerLabels() {
    }

    /** Whether an engine container with these labels is a Zun container (and not a server, ...). */
    public static boolean isZunContainer(java.util.Map<String, String> labels) {
        return labels != null && labels.containsKey(UUID) && !labels.containsKey(KIND);
    }
}

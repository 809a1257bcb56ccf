package io.windlass.rpc;

/** Topic names of the services; queues are {@code <namespace>.<topic>}. */
public final class RpcTopics {
    public static final String CONDUCTOR = "conductor";
    public static final String SCHEDULER = "scheduler";

    private RpcTopics() {
    }

    /** The agents' API, whatever the host: version caps and pins are per API, not per host. */
    public static final String COMPUTE = "compute";

    /** Each agent consumes its own topic, so work for a host waits for that host. */
    public static String compute(String host) {
        return COMPUTE + "." + host;
    }

    /** The API a topic serves: {@code compute} for {@code compute.<host>}, else the topic itself. */
    public static String api(String topic) {
        int dot = topic.indexOf('.');
        return dot < 0 ? topic : topic.substring(0, dot);
    }
}

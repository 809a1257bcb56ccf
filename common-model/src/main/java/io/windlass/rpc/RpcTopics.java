package io.windlass.rpc;

/** Topic names of the services; queues are {@code <namespace>.<topic>}. */
public final class RpcTopics {
    public static final String CONDUCTOR = "conductor";
    public static final String SCHEDULER = "scheduler";

    private RpcTopics() {
    }

    /** Each agent consumes its own topic, so work for a host waits for that host. */
    public static String compute(String host) {
        return "compute." + host;
    }
}

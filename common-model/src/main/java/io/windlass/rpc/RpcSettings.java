package io.windlass.rpc;

import java.time.Duration;

/**
 * Broker connection and topology settings. Each service maps its {@code windlass.rpc.*}
 * configuration onto this record.
 *
 * @param host           broker host
 * @param port           broker port
 * @param username       broker user
 * @param password       broker password
 * @param virtualHost    broker virtual host
 * @param namespace      prefix of the exchange and queue names; lets several deployments
 *                       (or test runs) share one broker without seeing each other's messages
 * @param quorumQueues   declare durable queues as quorum queues (replicated on a cluster)
 * @param confirmTimeout how long a cast waits for the broker's publisher confirm
 * @param consumerThreads threads that run handlers, shared by all consumers of the process; at
 *                       least as many as the consumers of any one topic it serves
 *                       ({@link RpcConnection#makeRoomForConsumers})
 * @param declareTopology whether this process declares the exchange and the queues it sends to;
 *                       a process whose broker user may touch only its own queue (an agent) does
 *                       not, and declares only the queue it consumes
 */
public record RpcSettings(String host, int port, String username, String password, String virtualHost,
                          String namespace, boolean quorumQueues, Duration confirmTimeout,
                          int consumerThreads, boolean declareTopology) {

    /** Settings of a process that declares the topology it uses, as the control-plane services do. */
    public RpcSettings(String host, int port, String username, String password, String virtualHost,
                       String namespace, boolean quorumQueues, Duration confirmTimeout, int consumerThreads) {
        this(host, port, username, password, virtualHost, namespace, quorumQueues, confirmTimeout, consumerThreads,
                true);
    }

    /** Exchange every topic queue is bound to. */
    public String exchange() {
        return namespace + ".rpc";
    }

    /** Durable queue for a topic: {@code <namespace>.conductor}, {@code <namespace>.compute.host1}. */
    public String queueFor(String topic) {
        return namespace + "." + topic;
    }
}

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
 * @param consumerThreads threads that run handlers, shared by all consumers of the process
 */
public record RpcSettings(String host, int port, String username, String password, String virtualHost,
                          String namespace, boolean quorumQueues, Duration confirmTimeout,
                          int consumerThreads) {

    /** Exchange every topic queue is bound to. */
    public String exchange() {
        return namespace + ".rpc";
    }

    /** Durable queue for a topic: {@code <namespace>.conductor}, {@code <namespace>.compute.host1}. */
    public String queueFor(String topic) {
        return namespace + "." + topic;
    }
}

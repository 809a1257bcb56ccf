package io.windlass.host.service;

import com.rabbitmq.client.Channel;
import io.windlass.rpc.RpcConnection;
import io.windlass.rpc.RpcTopics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The conductor and scheduler services that run, as the broker sees them. Nova lists these from
 * the service records each of its processes keeps up to date in its database; Windlass' conductor
 * and scheduler keep none (their replicas are interchangeable consumers of one queue), so a
 * service runs here when its queue has a consumer. The queue is also
 * the only name Windlass has for where the service runs, so it stands for Nova's host name.
 */
@ApplicationScoped
public class ControlPlaneServices {
    private static final Logger LOG = Logger.getLogger(ControlPlaneServices.class);
    static final List<String> TOPICS = List.of(RpcTopics.CONDUCTOR, RpcTopics.SCHEDULER);

    private final RpcConnection connection;

    public ControlPlaneServices(RpcConnection connection) {
        this.connection = connection;
    }

    /** The control-plane services with at least one consumer, conductor first; none when the broker is away. */
    public List<HostEntry> running() {
        List<HostEntry> running = new ArrayList<>();
        for (String topic : TOPICS) {
            String queue = connection.settings().queueFor(topic);
            if (consumers(queue) > 0) {
                running.add(new HostEntry(queue, topic, HostEntry.INTERNAL_ZONE));
            }
        }
        return running;
    }

    /** Consumers on {@code queue}; 0 when it does not exist or the broker cannot be asked. */
    private long consumers(String queue) {
        // a passive declare of a missing queue closes its channel, so each queue gets a channel of its own
        Channel channel = null;
        try {
            channel = connection.createClientChannel();
            return channel.queueDeclarePassive(queue).getConsumerCount();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("consumers of %s not read: %s", queue, e.getMessage());
            return 0;
        } finally {
            close(channel);
        }
    }

    private static void close(Channel channel) {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debugf("closing a channel: %s", e.getMessage());
        }
    }
}

package io.windlass.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The engine's container events narrowed by a label filter, each turned into an
 * {@link EngineEvent} of the workload its labels name. Zun containers, servers and capsules
 * differ only in the filter and in the label that names the workload, so they share this.
 */
public final class DockerEventStream {
    private static final Logger LOG = Logger.getLogger(DockerEventStream.class);

    private final DockerClient client;
    private final String labelFilter;
    private final Function<Map<String, String>, String> workload;
    private final String what;

    /**
     * @param client      a client kept for event streams (a long-lived request of its own)
     * @param labelFilter Docker's label filter: {@code key} or {@code key=value}
     * @param workload    the workload uuid from an event's attributes (the container's labels), or null to skip it
     * @param what        names the stream in logs
     */
    public DockerEventStream(DockerClient client, String labelFilter, Function<Map<String, String>, String> workload,
                             String what) {
        this.client = client;
        this.labelFilter = labelFilter;
        this.workload = workload;
        this.what = what;
    }

    /** Streams until the subscription is closed or the engine ends the stream ({@link EngineEventListener#onClosed}). */
    public EventSubscription follow(EngineEventListener listener) {
        AtomicBoolean closedByUs = new AtomicBoolean();
        var callback = client.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(labelFilter)
                .exec(new QuietCallback<Event>() {
                    @Override
                    public void onNext(Event event) {
                        Map<String, String> attributes = event.getActor() == null ? null
                                : event.getActor().getAttributes();
                        String uuid = attributes == null ? null : workload.apply(attributes);
                        if (uuid == null) {
                            return;
                        }
                        String action = event.getAction() != null ? event.getAction() : event.getStatus();
                        Instant time = event.getTimeNano() != null ? Instant.ofEpochSecond(0, event.getTimeNano())
                                : Instant.now();
                        listener.onEvent(new EngineEvent(uuid, action, time));
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        super.onError(throwable);
                        // closing our own stream surfaces as an error too; that is no engine problem
                        if (!closedByUs.get()) {
                            listener.onClosed(throwable);
                        }
                    }

                    @Override
                    public void onComplete() {
                        super.onComplete();
                        if (!closedByUs.get()) {
                            listener.onClosed(null);
                        }
                    }
                });
        return () -> {
            closedByUs.set(true);
            try {
                callback.close();
            } catch (IOException e) {
                LOG.debugf("closing the %s event stream: %s", what, e.getMessage());
            }
        };
    }
}

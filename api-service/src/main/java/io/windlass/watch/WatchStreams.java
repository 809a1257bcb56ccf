package io.windlass.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.function.Predicate;

/** Opens a watch resource's stream: its Last-Event-ID checked, its view built, the hub told. */
@ApplicationScoped
public class WatchStreams {
    private final WorkloadWatch watch;
    private final WatchFormat zun;
    private final WatchFormat nova;

    public WatchStreams(WorkloadWatch watch, ObjectMapper json) {
        this.watch = watch;
        this.zun = new ZunWatchFormat(json);
        this.nova = new NovaWatchFormat(json);
    }

    /** Containers' and capsules' events. */
    public WatchFormat zun() {
        return zun;
    }

    /** Servers' events. */
    public WatchFormat nova() {
        return nova;
    }

    /**
     * @param lastEventId the header as sent: already checked by {@link LastEventId#parse} before
     *                    anything else, so a malformed one is a 400 and never a half-open stream
     * @param showsHostOf whether the caller's policy shows the host of a workload of that project
     */
    public void open(WatchScope scope, WatchFormat format, Predicate<String> showsHostOf, Long lastEventId,
                     SseEventSink sink, Sse sse) {
        watch.subscribe(new WatchView(scope, format, showsHostOf), SseWatchSink.open(sink, sse), lastEventId);
    }
}

package io.windlass.watch;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A watcher's server-sent event stream. */
public final class SseWatchSink implements WatchSink {
    private final SseEventSink sink;
    private final Sse sse;

    private SseWatchSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /**
     * Writes the stream's head with a first comment from the request's own thread. RESTEasy writes
     * the head once the resource method returned unless it was written already; were the hub's
     * thread to send the first event at that moment, both would write it and one request would fail.
     */
    public static SseWatchSink open(SseEventSink sink, Sse sse) {
        sink.send(sse.newEventBuilder().comment("watch").build());
        return new SseWatchSink(sink, sse);
    }

    /** Never throws: an event for a stream the client already closed is dropped (it resumes from its id). */
    @Override
    public CompletionStage<?> send(WatchEvent event) {
        if (sink.isClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        OutboundSseEvent.Builder b = sse.newEventBuilder();
        if (event.id() != null) {
            b.id(event.id());
        }
        if (event.name() != null) {
            b.name(event.name());
        }
        if (event.data() != null) {
            b.data(event.data());
        }
        if (event.comment() != null) {
            b.comment(event.comment());
        }
        try {
            return sink.send(b.build());
        } catch (IllegalStateException closedMeanwhile) {
            return CompletableFuture.failedFuture(closedMeanwhile);
        }
    }

    @Override
    public void close() {
        sink.close();
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }
}

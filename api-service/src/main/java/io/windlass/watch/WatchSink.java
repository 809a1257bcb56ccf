package io.windlass.watch;

import java.util.concurrent.CompletionStage;

/** Where one watcher's events go (an SSE stream; a list in tests). Sending must not block. */
public interface WatchSink {
    /** Queues the event; the stage completes once it was written out (so its backlog can be counted). */
    CompletionStage<?> send(WatchEvent event);

    /** Ends the stream after what was queued. */
    void close();

    /** The client went away or the stream was ended. */
    boolean isClosed();
}

package io.windlass.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code windlass.watch.*}: the Watch API's memory (docs/api-watch.md). */
@ConfigMapping(prefix = "windlass.watch")
public interface WatchConfig {

    /**
     * How long a change is kept for clients resuming with {@code Last-Event-ID}. A client away
     * longer gets an {@code expired} event and lists again. Heartbeats carry ids, so an idle but
     * connected watcher never falls behind it.
     */
    @WithDefault("1h")
    Duration retention();

    /** How often each replica removes the changes older than {@link #retention()}. */
    @WithDefault("5m")
    Duration pruneInterval();

    /**
     * How often an idle stream gets a comment (proxies close streams silent for about a minute),
     * and how often the LISTEN connection is checked while no notification comes.
     */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * Events a watcher may have written but not yet taken by its client; one further behind is
     * closed with an {@code overflow} event (to resume), so a slow client never holds up the others.
     */
    @WithDefault("1000")
    int subscriberBuffer();

    /**
     * How long one stream stays open. Then it gets a {@code reconnect} event and ends; the client
     * reconnects with its Last-Event-ID, which authenticates it again, so a revoked token or a
     * lost role stops a watch within this time.
     */
    @WithDefault("1h")
    Duration maxStream();

    /** Changes read per query, once per replica for all its watchers. */
    @WithDefault("500")
    int batchSize();

    /** The wait before the LISTEN connection is opened again after it failed. */
    @WithDefault("1s")
    Duration reconnectDelay();
}

package io.windlass.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code windlass.outbox.*}: how the api-service relays the casts it recorded to the broker. */
@ConfigMapping(prefix = "windlass.outbox")
public interface OutboxConfig {

    /** How often the relay looks for casts that are due again (not sent after a commit, or refused by the broker). */
    @WithDefault("2s")
    Duration retryInterval();

    /** The longest wait between two attempts at one cast while the broker keeps refusing it. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Casts relayed per transaction. */
    @WithDefault("100")
    int batchSize();
}

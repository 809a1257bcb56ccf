package io.windlass.console.cdi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.windlass.console.ConsoleStream;

import java.time.Duration;

/** {@code windlass.console.*}: console sessions (interactive exec, attach, followed logs) relayed over RabbitMQ. */
@ConfigMapping(prefix = "windlass.console")
public interface ConsoleConfig {

    /** A terminal session in which no byte moved either way for this long ends (a followed log does not idle out). */
    @WithDefault("10m")
    Duration idleTimeout();

    /** How often each end looks for the other end's queue: a vanished end is noticed within this. */
    @WithDefault("5s")
    Duration livenessInterval();

    /** A session queue that nobody consumed for this long is deleted by the broker (an end that never came). */
    @WithDefault("60s")
    Duration queueExpiry();

    /** How long the websocket address of an exec or attach is good for; it is good once. */
    @WithDefault("60s")
    Duration tokenTtl();

    /** The settings of one stream; {@code idle}: the session's own idle timeout (zero: never). */
    default ConsoleStream.Settings stream(Duration idle) {
        return new ConsoleStream.Settings(idle, livenessInterval(), queueExpiry());
    }
}

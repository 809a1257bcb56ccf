package io.windlass.agent.server;

import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.server.ServerSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the agent needs from whatever runs Nova servers: today a Docker engine, later a
 * hypervisor. Servers are addressed by their uuid; the driver maps that to its own naming, so
 * every call is idempotent across agent restarts (the agent has no database). Failures are
 * {@link io.windlass.agent.driver.DriverException}s; {@link ServerNotFoundException} when the
 * uuid is unknown to the engine, {@link io.windlass.agent.driver.ImageUnavailableException}
 * when a spawn's image is not on the host.
 */
public interface ServerDriver extends AutoCloseable {

    /** Short driver name ({@code docker}, {@code fake}). */
    String name();

    /** Whether {@link #spawn} uses a config drive; a driver that ignores it spares the agent writing one. */
    default boolean usesConfigDrive() {
        return true;
    }

    /**
     * Creates the server and powers it on.
     *
     * @param configDrive host directory holding the server's config drive tree, or null for none
     */
    void spawn(ServerSpec spec, Path configDrive);

    void powerOn(String uuid);

    /** Clean shutdown, forced off when the guest has not stopped within {@code timeout}. */
    void powerOff(String uuid, Duration timeout);

    /** Soft: shut down within {@code timeout} and start again; hard: power-cycle at once. */
    void reboot(String uuid, boolean hard, Duration timeout);

    void pause(String uuid);

    void unpause(String uuid);

    /** Removes the server whatever its state; a server the engine does not know is no error. */
    void destroy(String uuid);

    /** Current state, empty when the engine has no such server. */
    Optional<ObservedServer> observe(String uuid);

    /** Every server this agent manages on the engine, as observed now (one engine call with Docker). */
    List<ObservedServer> list();

    /**
     * Streams state changes of managed servers until the returned subscription is closed or the
     * engine ends the stream ({@link EngineEventListener#onClosed}).
     */
    EventSubscription followEvents(EngineEventListener listener);

    @Override
    void close();
}

package io.windlass.agent.server;

import io.windlass.image.CommittedImage;

import io.windlass.agent.workload.WorkloadDriver;
import io.windlass.agent.workload.InterfaceDriver;
import io.windlass.agent.workload.CommitDriver;
import io.windlass.agent.workload.LogDriver;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerSpec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the agent needs from whatever runs Nova servers: today a Docker engine, later a
 * hypervisor. Failures are {@link io.windlass.agent.driver.DriverException}s;
 * {@link io.windlass.agent.driver.WorkloadNotFoundException} when the uuid is unknown to the
 * engine, {@link io.windlass.agent.driver.ImageUnavailableException} when a spawn's image is not
 * on the host. {@link #observeAll()} is one engine listing. A spawned server gains and loses ports
 * as {@link InterfaceDriver} says (Nova's {@code os-interface}); its console is read as {@link LogDriver} says
 * (Nova's {@code os-getConsoleOutput}).
 */
public interface ServerDriver extends WorkloadDriver<ObservedServer>, InterfaceDriver, LogDriver, CommitDriver,
        AutoCloseable {

    /** Whether {@link #spawn} uses a config drive; a driver that ignores it spares the agent writing one. */
    default boolean usesConfigDrive() {
        return true;
    }

    /**
     * Creates the server and powers it on: on the spec's ports when it has any (the first as its
     * interface with the port's addresses and MAC), else as {@code spec.network()} says.
     *
     * @param configDrive host directory holding the server's config drive tree, or null for none
     */
    void spawn(ServerSpec spec, Path configDrive);

    /**
     * Does a server action on the engine: START powers on, STOP shuts down cleanly (forced off
     * once {@code timeout} passed), REBOOT_SOFT shuts down within {@code timeout} and starts
     * again, REBOOT_HARD power-cycles at once (also a paused server), PAUSE and UNPAUSE freeze
     * and thaw. An action the server is already done with (start of a running one) is no error.
     */
    void act(String uuid, ServerAction action, Duration timeout);

    /** Changes a server's CPU and memory limits in place, running or not (a resize on its host). */
    void resize(String uuid, int vcpus, int memoryMb);

    /**
     * Sets root's password in the running guest (Nova's {@code set_admin_password}).
     *
     * @throws PasswordNotSetException when the guest is not running or did not take it
     */
    void setAdminPassword(String uuid, String password);

    /**
     * Nova's rescue: the guest stopped where it is and a rescue system started from {@code image}
     * in its place, on the server's addresses, with the server's own filesystem reachable in it to
     * repair. Done again on a rescued server, it only makes sure the rescue system runs.
     *
     * @param image engine reference of the rescue image, present on the host
     */
    void rescue(String uuid, String image);

    /**
     * Ends a rescue: the rescue system removed and the guest started again from its (possibly
     * repaired) filesystem. A server with no rescue system that runs is left as it is.
     */
    void unrescue(String uuid, Duration timeout);

    /**
     * What Nova's diagnostics show of the server, read from the engine now (a running one: the agent
     * asks for no other).
     *
     * @throws io.windlass.agent.driver.WorkloadNotFoundException when the engine has no such server
     */
    ServerDiagnostics diagnostics(String uuid);

    /**
     * Removes the server whatever its state, then those of its tenant networks no other workload
     * uses, and the image it was shelved to when it runs from that (unshelved after an offload); a
     * server the engine does not know is no error.
     */
    void destroy(String uuid);

    /** Commits the server to the image it is shelved to, marked as that server's own ({@link #destroy}). */
    default CommittedImage commitShelved(String uuid, String reference) {
        return commit(uuid, reference);
    }

    @Override
    void close();
}

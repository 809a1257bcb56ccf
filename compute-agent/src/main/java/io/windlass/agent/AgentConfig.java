package io.windlass.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** {@code windlass.agent.*}: who this agent is and how it drives its engine. */
@ConfigMapping(prefix = "windlass.agent")
public interface AgentConfig {

    /** Which engine the agent drives. */
    enum DriverKind {
        /** The local Docker engine (the production driver). */
        DOCKER,
        /** In-memory containers, for scale simulation of the control plane only. */
        FAKE
    }

    /**
     * Host name the agent registers under; its RPC topic is {@code compute.<host>}.
     * Unset: the machine's host name (see {@link #hostName()}).
     */
    Optional<String> host();

    /** Engine driver: {@code docker} (default) or {@code fake} (simulation only). */
    @WithDefault("docker")
    DriverKind driver();

    /**
     * This host's address on the network between hosts (the underlay), where the VXLAN devices of
     * tenant networks send from and peers send to (UDP 4789). Unset (the default): tenant networks
     * stay on this host, with no VXLAN device. {@code deploy/local} gives host i 198.18.i.2.
     */
    Optional<String> underlayAddress();

    /** Docker engine endpoint. */
    @WithDefault("unix:///var/run/docker.sock")
    String dockerHost();

    /** How often a {@code HostState} heartbeat is sent to the conductor. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** How often every managed container's state is re-reported (covers missed events). */
    @WithDefault("60s")
    Duration syncInterval();

    /**
     * Concurrent RPC handlers (consumers of the agent's topic): how many builds, actions and deletes
     * the host works on at once; Nova's {@code max_concurrent_builds} is 10. Eight, the default of the
     * threads that run them ({@code windlass.rpc.consumer-threads}), which grow with it.
     * With four, a long call (a pull, a commit) held a quarter of the host's handlers, and twenty
     * boots at once were all running somewhat later than with eight; with twenty, no boot waited in
     * the queue, but the engine's creates and starts slowed each other as much (docs/benchmarks.md,
     * "Twenty at once").
     */
    @WithDefault("8")
    int consumers();

    /** CPUs offered to the scheduler. Unset: what the engine reports (docker info NCPU). */
    OptionalDouble vcpus();

    /** Memory offered, MiB. Unset: what the engine reports (docker info MemTotal). */
    OptionalLong memoryMb();

    /** Disk offered, GiB. Unset: total size of the file system holding the engine's root dir. */
    OptionalLong diskGb();

    /** Grace period before SIGKILL for stop/reboot/delete when the request gives none. */
    @WithDefault("10s")
    Duration stopTimeout();

    /**
     * Longest wait for a command run in a container (Zun's {@code execute}, its {@code [docker]
     * execute_timeout}); a longer one is answered 409 and left running. Keep it below the callers'
     * {@code windlass.rpc.call-timeout}.
     */
    @WithDefault("5s")
    Duration executeTimeout();

    /**
     * Longest wait for an image pull (pull policy {@code always}, or {@code ifnotpresent}
     * with the image missing); a pull that takes longer fails the create.
     */
    @WithDefault("60s")
    Duration imagePullTimeout();

    /**
     * Whether image pre-caching (cache_images) and Zun's image pull (image_pull) may pull images that
     * are missing. When false a missing image is reported as an error without contacting any registry
     * (tests, air-gapped hosts); an image the engine holds is reported either way.
     */
    @WithDefault("true")
    boolean imageCachePull();

    /** Delay before re-opening the engine's event stream after it ended; doubles up to 30 s. */
    @WithDefault("1s")
    Duration eventReconnectDelay();

    /** Images the fake driver pretends to have (simulation only). */
    @WithDefault("busybox:latest")
    List<String> fakeImages();

    /** {@code windlass.agent.fake.*}: the simulated hosts of the fake driver. */
    FakeHosts fake();

    /** SIMULATION ONLY: how many hosts one fake-driver agent pretends to be, and their size. */
    interface FakeHosts {

        /**
         * Hosts this process simulates. 1: one host named {@code windlass.agent.host}, served like a
         * real agent. More: hosts {@code <host-prefix>0001} … each with its own topic and heartbeat.
         */
        @WithDefault("1")
        int hostCount();

        /** Name prefix of simulated hosts (when host-count > 1); give each agent process its own. */
        @WithDefault("sim-")
        String hostPrefix();

        /** Number of the first simulated host, so several processes can split one range of names. */
        @WithDefault("1")
        int firstHost();

        /** CPUs each simulated host offers (unless {@code windlass.agent.vcpus} is set). */
        @WithDefault("16")
        double vcpus();

        /** Memory each simulated host offers, MiB (unless {@code windlass.agent.memory-mb} is set). */
        @WithDefault("65536")
        long memoryMb();

        /** Disk each simulated host offers, GiB (unless {@code windlass.agent.disk-gb} is set). */
        @WithDefault("1000")
        long diskGb();
    }

    /** Whether this process simulates many hosts instead of being one agent. */
    default boolean simulatesManyHosts() {
        return driver() == DriverKind.FAKE && fake().hostCount() > 1;
    }

    /** The configured host name, or the machine's. */
    default String hostName() {
        return host().filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("cannot determine the host name; set windlass.agent.host", e);
            }
        });
    }
}

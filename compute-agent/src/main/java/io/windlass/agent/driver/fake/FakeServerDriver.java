package io.windlass.agent.driver.fake;

import io.windlass.image.CommittedImage;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.WorkloadExistsException;
import io.windlass.agent.server.ObservedServer;
import io.windlass.agent.server.PasswordNotSetException;
import io.windlass.agent.server.ServerDriver;
import io.windlass.network.NetworkBinding;
import io.windlass.network.PortSpec;
import io.windlass.server.PowerState;
import io.windlass.server.ServerAction;
import io.windlass.server.ServerAddress;
import io.windlass.server.ServerDiagnostics;
import io.windlass.server.ServerSpec;
import io.windlass.workload.WorkloadLog;
import io.windlass.workload.WorkloadLogs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * SIMULATION ONLY: servers that exist in memory with instant power transitions, for load-testing
 * the control plane with many simulated hosts. Nothing runs, no config drive is written, and
 * every server gets a made-up address on network {@code fake-net}, whatever ports its spec names
 * or are attached to it later.
 */
public class FakeServerDriver implements ServerDriver {

    private record FakeServer(String engineId, PowerState power, ServerAddress address, int vcpus, int memoryMb) {
        FakeServer moveTo(PowerState next) {
            return new FakeServer(engineId, next, address, vcpus, memoryMb);
        }

        FakeServer resizedTo(int newVcpus, int newMemoryMb) {
            return new FakeServer(engineId, power, address, newVcpus, newMemoryMb);
        }
    }

    private final Map<String, FakeServer> servers = new ConcurrentHashMap<>();
    /** Servers whose simulated rescue system runs. */
    private final Set<String> rescued = ConcurrentHashMap.newKeySet();
    private final FakeEvents events = new FakeEvents();
    private final HostImages images;

    /** @param hasImage whether the simulated host "has" an image (the fake container driver's images) */
    public FakeServerDriver(Predicate<String> hasImage) {
        this.images = new HostImages(hasImage);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean usesConfigDrive() {
        return false;
    }

    @Override
    public void spawn(ServerSpec spec, Path configDrive) {
        images.require(spec.image());
        String id = UUID.randomUUID().toString().replace("-", "");
        if (servers.putIfAbsent(spec.uuid(), new FakeServer(id, PowerState.RUNNING, address(spec.uuid()),
                spec.vcpus(), spec.memoryMb())) != null) {
            throw new WorkloadExistsException("Conflict: server " + spec.uuid() + " exists already", null);
        }
        events.emit(spec.uuid(), "start");
    }

    private static ServerAddress address(String uuid) {
        return new ServerAddress(FakeAddresses.ipv4(uuid), 4, FakeAddresses.mac(uuid));
    }

    @Override
    public void act(String uuid, ServerAction action, Duration timeout) {
        switch (action) {
            case START -> transition(uuid, "start", PowerState.RUNNING, Set.of(PowerState.RUNNING, PowerState.SHUTDOWN));
            case STOP -> {
                // a rescued server's stop ends the rescue, as the docker driver's does
                transition(uuid, "stop", PowerState.SHUTDOWN, Set.of(PowerState.RUNNING, PowerState.SHUTDOWN,
                        PowerState.PAUSED));
                rescued.remove(uuid);
            }
            case REBOOT_SOFT -> transition(uuid, "restart", PowerState.RUNNING,
                    Set.of(PowerState.RUNNING, PowerState.SHUTDOWN));
            case REBOOT_HARD -> transition(uuid, "restart", PowerState.RUNNING,
                    Set.of(PowerState.RUNNING, PowerState.SHUTDOWN, PowerState.PAUSED, PowerState.CRASHED));
            case PAUSE, SUSPEND -> transition(uuid, "pause", PowerState.PAUSED, Set.of(PowerState.RUNNING));
            case UNPAUSE, RESUME -> transition(uuid, "unpause", PowerState.RUNNING, Set.of(PowerState.PAUSED));
        }
    }

    /** A simulated rescue system runs in the server's place: the server shows running. */
    @Override
    public void rescue(String uuid, String image) {
        transition(uuid, "rescue", PowerState.RUNNING, Set.of(PowerState.RUNNING, PowerState.SHUTDOWN,
                PowerState.CRASHED));
        rescued.add(uuid);
    }

    @Override
    public void unrescue(String uuid, Duration timeout) {
        transition(uuid, "unrescue", PowerState.RUNNING, Set.of(PowerState.RUNNING, PowerState.SHUTDOWN,
                PowerState.CRASHED));
        rescued.remove(uuid);
    }

    /** Nothing to limit in a simulation but the figures its diagnostics show; an unknown server is refused as the engine would. */
    @Override
    public void resize(String uuid, int vcpus, int memoryMb) {
        if (servers.computeIfPresent(uuid, (id, s) -> s.resizedTo(vcpus, memoryMb)) == null) {
            throw new WorkloadNotFoundException("Server", uuid);
        }
    }

    /**
     * What a simulated server has: its flavor's vCPUs and RAM and its one made-up interface. Nothing
     * runs, so nothing is counted: every counter is null, as a Nova driver leaves what it cannot read.
     */
    @Override
    public ServerDiagnostics diagnostics(String uuid) {
        FakeServer s = servers.get(uuid);
        if (s == null) {
            throw new WorkloadNotFoundException("Server", uuid);
        }
        return new ServerDiagnostics(s.power(), name(), null, null, false,
                new ServerDiagnostics.Memory((long) s.memoryMb(), null),
                IntStream.range(0, s.vcpus()).mapToObj(id -> new ServerDiagnostics.Cpu(id, null, null)).toList(),
                List.of(new ServerDiagnostics.Nic("eth0", s.address().macAddr(), null, null, null, null, null, null, null,
                        null)), List.of());
    }

    /** A simulated guest takes any password while it runs; nothing keeps it. */
    @Override
    public void setAdminPassword(String uuid, String password) {
        ObservedServer server = observe(uuid).orElseThrow(() -> new WorkloadNotFoundException("Server", uuid));
        if (server.powerState() != PowerState.RUNNING) {
            throw new PasswordNotSetException("instance " + uuid + " is not running");
        }
    }

    @Override
    public void destroy(String uuid) {
        rescued.remove(uuid);
        if (servers.remove(uuid) != null) {
            events.emit(uuid, "destroy");
        }
    }

    /** Succeeds for a server that exists; its port is not applied (ports are ignored). */
    @Override
    public void attachPort(String uuid, PortSpec port, NetworkBinding network) {
        if (!servers.containsKey(uuid)) {
            throw new WorkloadNotFoundException("Server", uuid);
        }
    }

    /** Nothing to take away: a fake server has no ports; a missing one is detached already. */
    @Override
    public void detachPort(String uuid, String networkId) {
        // nothing: see above
    }

    /** Nothing boots, so the console is empty: an empty log for a server that exists. */
    @Override
    public CommittedImage commit(String uuid, String reference) {
        if (!servers.containsKey(uuid)) {
            throw new WorkloadNotFoundException("Server", uuid);
        }
        // a simulated host keeps no images of servers: booting from this one needs a host that has it
        return new CommittedImage("sha256:" + UUID.nameUUIDFromBytes(reference.getBytes()).toString().replace("-", ""), 0);
    }

    @Override
    public WorkloadLog logs(WorkloadLogs request) {
        if (!servers.containsKey(request.uuid())) {
            throw new WorkloadNotFoundException("Server", request.uuid());
        }
        return new WorkloadLog("", false);
    }

    @Override
    public Optional<ObservedServer> observe(String uuid) {
        FakeServer s = servers.get(uuid);
        return s == null ? Optional.empty() : Optional.of(new ObservedServer(uuid, s.engineId(), s.power(),
                Map.of("fake-net", List.of(s.address())), rescued.contains(uuid), false));
    }

    @Override
    public List<ObservedServer> observeAll() {
        return servers.keySet().stream().map(this::observe).flatMap(Optional::stream).toList();
    }

    @Override
    public EventSubscription followEvents(EngineEventListener listener) {
        return events.follow(listener);
    }

    @Override
    public void close() {
        events.close();
    }

    private void transition(String uuid, String action, PowerState to, Set<PowerState> from) {
        FakeServer s = servers.get(uuid);
        if (s == null) {
            throw new WorkloadNotFoundException("Server", uuid);
        }
        if (!from.contains(s.power())) {
            throw new DriverException("Cannot " + action + " server " + uuid + " in power state " + s.power());
        }
        servers.put(uuid, s.moveTo(to));
        events.emit(uuid, action);
    }

}

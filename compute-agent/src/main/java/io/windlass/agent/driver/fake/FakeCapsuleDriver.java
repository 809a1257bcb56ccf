package io.windlass.agent.driver.fake;

import io.windlass.agent.capsule.CapsuleDriver;
import io.windlass.agent.capsule.ObservedCapsule;
import io.windlass.agent.driver.EngineEvent;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.WorkloadExistsException;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.container.ContainerAddress;
import io.windlass.container.ContainerStatus;
import io.windlass.network.WorkloadNetworks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * SIMULATION ONLY: capsules that exist in memory, their init containers done and their app
 * containers running the moment they are created, for load-testing the control plane with many
 * simulated hosts. Nothing runs; each capsule gets a made-up address on network {@code fake-net},
 * whatever ports its create names.
 */
public class FakeCapsuleDriver implements CapsuleDriver {
    private final Map<String, ObservedCapsule> capsules = new ConcurrentHashMap<>();
    private final FakeEvents events = new FakeEvents();
    private final HostImages images;

    /** @param hasImage whether the simulated host "has" an image (the fake container driver's images) */
    public FakeCapsuleDriver(Predicate<String> hasImage) {
        this.images = new HostImages(hasImage);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void create(CapsuleSpec capsule, WorkloadNetworks networks) {
        Stream.concat(capsule.initContainers().stream(), capsule.containers().stream())
                .forEach(member -> images.require(member.image()));
        List<CapsuleMemberState> members = Stream.concat(
                capsule.initContainers().stream().map(init -> state(init, ContainerStatus.STOPPED, 0)),
                capsule.containers().stream().map(app -> state(app, ContainerStatus.RUNNING, null))).toList();
        ObservedCapsule created = new ObservedCapsule(capsule.uuid(), ContainerStatus.RUNNING, null, members,
                Map.of("fake-net", List.of(new ContainerAddress(FakeAddresses.ipv4(capsule.uuid()), 4, null,
                        "fake-net", false))));
        if (capsules.putIfAbsent(capsule.uuid(), created) != null) {
            throw new WorkloadExistsException("Conflict: capsule " + capsule.uuid() + " exists already", null);
        }
        events.emit(capsule.uuid(), "start");
    }

    private static CapsuleMemberState state(CapsuleMemberSpec member, ContainerStatus status, Integer exitCode) {
        return new CapsuleMemberState(member.uuid(), status, null, UUID.randomUUID().toString().replace("-", ""),
                exitCode);
    }

    @Override
    public void remove(CapsuleSpec capsule, boolean failedCreate) {
        if (capsules.remove(capsule.uuid()) != null) {
            events.emit(capsule.uuid(), "destroy");
        }
    }

    @Override
    public Optional<ObservedCapsule> observe(String uuid) {
        return Optional.ofNullable(capsules.get(uuid));
    }

    @Override
    public List<ObservedCapsule> observeAll() {
        return List.copyOf(capsules.values());
    }

    @Override
    public EventSubscription followEvents(EngineEventListener listener) {
        return events.follow(listener);
    }

    @Override
    public void close() {
        events.close();
    }

}

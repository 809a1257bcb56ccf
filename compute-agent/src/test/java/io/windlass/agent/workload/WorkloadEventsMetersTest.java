package io.windlass.agent.workload;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.agent.container.ContainerReports;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EngineMeters;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.conductor.ConductorRpcApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event streams reopened, counted by why: the engine not there to open them, or the engine ending them. */
class WorkloadEventsMetersTest {

    @Test
    void aStreamThatCannotOpenAndAStreamTheEngineEndsAreCountedApart() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger opened = new AtomicInteger();
        CompletableFuture<EngineEventListener> following = new CompletableFuture<>();
        CompletableFuture<Void> reopened = new CompletableFuture<>();
        // an engine that is away at first, then streams, ends its stream once, and streams again
        FakeContainerDriver engine = new FakeContainerDriver(new HostInventory(2, 2048, 20), Set.of()) {
            @Override
            public EventSubscription followEvents(EngineEventListener listener) {
                switch (opened.incrementAndGet()) {
                    case 1 -> throw new DriverException("the engine does not answer");
                    case 2 -> following.complete(listener);
                    default -> reopened.complete(null);
                }
                return () -> { };
            }
        };
        WorkloadLocks locks = new WorkloadLocks();
        List<WorkloadReporter<?>> kinds = List.of(new WorkloadReporter<>("container", engine,
                new ContainerReports(new ConductorRpcApi(null, Duration.ofSeconds(1)), "h1")));
        WorkloadEvents events = new WorkloadEvents(kinds, locks, new WorkloadSync(kinds, locks, List.of(), List.of()),
                Duration.ofMillis(20), new EngineMeters(registry));
        events.start();
        try {
            following.get(5, TimeUnit.SECONDS).onClosed(null);
            reopened.get(5, TimeUnit.SECONDS);
        } finally {
            events.stop();
        }

        assertEquals(1.0, registry.get("windlass.agent.engine.stream.reconnects").tag("cause", "unavailable")
                .counter().count());
        assertEquals(1.0, registry.get("windlass.agent.engine.stream.reconnects").tag("cause", "ended")
                .counter().count());
    }
}

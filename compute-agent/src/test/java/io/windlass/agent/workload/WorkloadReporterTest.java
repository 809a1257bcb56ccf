package io.windlass.agent.workload;

import io.windlass.agent.container.ObservedContainer;
import io.windlass.agent.driver.EngineEventListener;
import io.windlass.agent.driver.EventSubscription;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import io.windlass.rpc.RpcException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which engine events make a report: changes, not the echo of a report just sent. */
class WorkloadReporterTest {
    private static final String UUID = "c1";

    private final RequestContext ctx = RequestContext.internal("test");
    private final Map<String, ObservedContainer> engine = new HashMap<>();
    private final AtomicLong now = new AtomicLong();
    private final List<String> sent = new ArrayList<>();
    private boolean brokerAway;
    private final WorkloadReporter<ObservedContainer> reporter = new WorkloadReporter<>("container",
            new WorkloadDriver<>() {
                @Override
                public String name() {
                    return "map";
                }

                @Override
                public Optional<ObservedContainer> observe(String uuid) {
                    return Optional.ofNullable(engine.get(uuid));
                }

                @Override
                public List<ObservedContainer> observeAll() {
                    return List.copyOf(engine.values());
                }

                @Override
                public EventSubscription followEvents(EngineEventListener listener) {
                    throw new UnsupportedOperationException();
                }
            }, new WorkloadReporter.Reports<>() {
                @Override
                public void observed(RequestContext c, ObservedContainer o, String reason, boolean done) {
                    send(o.status().value() + " " + o.statusDetail() + (reason == null ? "" : " (" + reason + ")")
                            + (done ? " done" : ""));
                }

                @Override
                public void gone(RequestContext c, String uuid, boolean done) {
                    send("gone" + (done ? " done" : ""));
                }

                @Override
                public void failed(RequestContext c, String uuid, String reason) {
                    send("failed (" + reason + ")");
                }
            }, now::get);

    private void send(String report) {
        if (brokerAway) {
            throw new RpcException("broker away");
        }
        sent.add(report);
    }

    private void engineShows(ContainerStatus status, String detail) {
        engine.put(UUID, new ObservedContainer(UUID, "e1", status, detail, null, Map.of(), List.of(), List.of()));
    }

    private void later(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    @Test
    void theStartEventOfACreateDoesNotReportItAgain() {
        engineShows(ContainerStatus.RUNNING, "Up Less than a second");
        reporter.reportCurrent(ctx, UUID, null, true);
        later(Duration.ofMillis(500));
        // its uptime is all that changed
        engineShows(ContainerStatus.RUNNING, "Up 1 second");
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Running Up Less than a second done"), sent);
    }

    @Test
    void aChangeIsReported() {
        engineShows(ContainerStatus.RUNNING, "Up Less than a second");
        reporter.reportCurrent(ctx, UUID, null, true);
        engineShows(ContainerStatus.STOPPED, "Exited (1) Less than a second ago");
        reporter.reportChange(ctx, UUID);
        engine.remove(UUID);
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Running Up Less than a second done", "Stopped Exited (1) Less than a second ago",
                "gone"), sent);
    }

    @Test
    void anUnchangedWorkloadIsReportedOnceTheWindowPassed() {
        engineShows(ContainerStatus.RUNNING, "Up Less than a second");
        reporter.reportCurrent(ctx, UUID, null, true);
        later(WorkloadReporter.ECHO_WINDOW);
        engineShows(ContainerStatus.RUNNING, "Up 5 seconds");
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Running Up Less than a second done", "Running Up 5 seconds"), sent);
    }

    @Test
    void aReportThatDidNotGoOutIsRepairedByTheEvent() {
        engineShows(ContainerStatus.RUNNING, "Up Less than a second");
        brokerAway = true;
        assertThrows(RpcException.class, () -> reporter.reportCurrent(ctx, UUID, null, true));
        brokerAway = false;
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Running Up Less than a second"), sent);
    }

    @Test
    void aFailureReportIsNotTakenForTheState() {
        // the conductor reads a report with a reason as the operation's failure, not as the state alone
        engineShows(ContainerStatus.STOPPED, "Created");
        reporter.reportCurrent(ctx, UUID, "could not start", true);
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Stopped Created (could not start) done", "Stopped Created"), sent);
    }

    @Test
    void theDestroyEventOfADeleteDoesNotReportItGoneAgain() {
        engineShows(ContainerStatus.RUNNING, "Up 3 seconds");
        reporter.reportCurrent(ctx, UUID, null, false);
        engine.remove(UUID);
        reporter.reportGone(ctx, UUID, true);
        later(Duration.ofMillis(500));
        reporter.reportChange(ctx, UUID);
        // the same uuid back on the engine (a redelivered create) is a change
        engineShows(ContainerStatus.RUNNING, "Up Less than a second");
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Running Up 3 seconds", "gone done", "Running Up Less than a second"), sent);
    }

        @Test
    void theStoppedDetailCountsAsAChange() {
        // an exit code lives in the detail only: a container that exited again differently is reported
        engineShows(ContainerStatus.STOPPED, "Exited (0) Less than a second ago");
        reporter.reportCurrent(ctx, UUID, null, true);
        engineShows(ContainerStatus.STOPPED, "Exited (137) Less than a second ago");
        reporter.reportChange(ctx, UUID);
        reporter.reportChange(ctx, UUID);
        assertEquals(List.of("Stopped Exited (0) Less than a second ago done",
                "Stopped Exited (137) Less than a second ago"), sent);
    }
}

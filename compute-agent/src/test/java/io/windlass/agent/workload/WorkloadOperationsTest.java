package io.windlass.agent.workload;

import io.windlass.network.WorkloadNetworks;
import io.windlass.agent.testing.ContainerSpecs;
import io.windlass.agent.container.ObservedContainer;
import io.windlass.agent.driver.DriverException;
import io.windlass.agent.driver.EngineUnreachableException;
import io.windlass.agent.driver.HostInventory;
import io.windlass.agent.driver.WorkloadExistsException;
import io.windlass.agent.driver.WorkloadNotFoundException;
import io.windlass.agent.driver.fake.FakeContainerDriver;
import io.windlass.container.ContainerSpec;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operation shells every kind runs in, on the fake container driver, with the reports recorded. */
class WorkloadOperationsTest {
    private final RequestContext ctx = RequestContext.internal("test");
    private final FakeContainerDriver driver = new FakeContainerDriver(new HostInventory(4, 4096, 100),
            Set.of("busybox:latest"));
    private final List<String> sent = new ArrayList<>();
    private final WorkloadReporter<ObservedContainer> reporter = new WorkloadReporter<>("container", driver,
            new WorkloadReporter.Reports<>() {
                @Override
                public void observed(RequestContext c, ObservedContainer o, String reason, boolean done) {
                    sent.add(o.uuid() + " " + o.status().value() + (reason == null ? "" : " (" + reason + ")")
                            + (done ? " done" : ""));
                }

                @Override
                public void gone(RequestContext c, String uuid, boolean done) {
                    sent.add(uuid + " gone" + (done ? " done" : ""));
                }

                @Override
                public void failed(RequestContext c, String uuid, String reason) {
                    sent.add(uuid + " failed (" + reason + ")");
                }
            });
    private final WorkloadOperations operations = new WorkloadOperations(new WorkloadLocks());

    private static ContainerSpec spec(String uuid, String image) {
        return ContainerSpecs.container(uuid).name("c").image(image).build();
    }

    private WorkloadOperations.Creation<ObservedContainer> creating(ContainerSpec spec, List<String> steps) {
        return creating(spec, steps, () -> { });
    }

    /** @param afterCreate runs once the engine has the workload (a step that then fails, say) */
    private WorkloadOperations.Creation<ObservedContainer> creating(ContainerSpec spec, List<String> steps,
                                                                    Runnable afterCreate) {
        return new Recorded(spec, steps, afterCreate);
    }

    /** A creation on the fake driver that records its steps; tests override a step to make it fail. */
    private class Recorded implements WorkloadOperations.Creation<ObservedContainer> {
        private final ContainerSpec spec;
        private final List<String> steps;
        private final Runnable afterCreate;

        Recorded(ContainerSpec spec, List<String> steps, Runnable afterCreate) {
            this.spec = spec;
            this.steps = steps;
            this.afterCreate = afterCreate;
        }

        @Override
        public String reuse(ObservedContainer existing) {
            steps.add("reuse " + existing.status().value());
            return null;
        }

        @Override
        public void create() {
            steps.add("create");
            driver.create(spec, WorkloadNetworks.NONE);
            afterCreate.run();
        }

        @Override
        public String failure(DriverException e) {
            return "could not: " + e.getMessage();
        }

        @Override
        public void removeLeftover() {
            steps.add("remove leftover");
            try {
                driver.remove(spec.uuid(), true);
            } catch (WorkloadNotFoundException e) {
                steps.add("nothing to remove");
            }
        }
    }

    @Test
    void aCreateDeliveredTwiceMakesOneWorkloadAndReportsBothTimes() {
        List<String> steps = new ArrayList<>();
        operations.create(ctx, "u1", reporter, creating(spec("u1", "busybox"), steps));
        operations.create(ctx, "u1", reporter, creating(spec("u1", "busybox"), steps));

        // the second delivery tries the create, and the engine's "exists" sends it to finish the first one's
        assertEquals(List.of("create", "create", "reuse Created"), steps);
        assertEquals(List.of("u1 Created done", "u1 Created done"), sent);
    }

    @Test
    void aRedeliveredCreateThatFindsAHalfMadeWorkloadRemovesItAndMakesItAgain() {
        List<String> steps = new ArrayList<>();
        driver.create(spec("u9", "busybox"), WorkloadNetworks.NONE);
        WorkloadOperations.Creation<ObservedContainer> firstIsCutOff = new Recorded(spec("u9", "busybox"), steps,
                () -> { }) {
            @Override
            public boolean complete(ObservedContainer existing) {
                steps.add("complete? no");
                return false;
            }
        };
        operations.create(ctx, "u9", reporter, firstIsCutOff);

        assertEquals(List.of("create", "complete? no", "remove leftover", "create"), steps);
        assertEquals(List.of("u9 Created done"), sent);
    }

    @Test
    void aCreateThatFindsTheNameTakenTwiceEndsAsAFailureAndLeavesWhatIsThere() {
        List<String> steps = new ArrayList<>();
        // the engine answers "exists" every time, yet shows nothing under the uuid (a name taken behind
        // Windlass's back): the second try is no redelivery any more, and fails as any failed create
        WorkloadOperations.Creation<ObservedContainer> taken = new Recorded(spec("u10", "busybox"), steps,
                () -> { }) {
            @Override
            public String reuse(ObservedContainer existing) {
                throw new AssertionError("nothing to reuse");
            }

            @Override
            public void create() {
                steps.add("create");
                throw new WorkloadExistsException("Conflict: the name is already in use", null);
            }
        };
        operations.create(ctx, "u10", reporter, taken);

        assertEquals(List.of("create", "create", "remove leftover", "nothing to remove"), steps);
        assertEquals(List.of("u10 failed (could not: Conflict: the name is already in use)"), sent);
    }

    @Test
    void aFailedCreateRemovesWhatItMadeAndSaysWhy() {
        List<String> steps = new ArrayList<>();
        operations.create(ctx, "u2", reporter, creating(spec("u2", "nosuch"), steps));

        assertEquals(List.of("create", "remove leftover", "nothing to remove"), steps);
        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().startsWith("u2 failed (could not: Image nosuch:latest"), sent.getFirst());
        assertTrue(driver.observe("u2").isEmpty());
    }

    @Test
    void aFailedCreateWhoseLeftoverCannotBeRemovedReportsWhatIsLeftNotNothing() {
        List<String> steps = new ArrayList<>();
        WorkloadOperations.Creation<ObservedContainer> stuck = removalFailing(spec("u7", "busybox"), steps, () -> {
            throw new DriverException("start failed");
        }, new DriverException("removal refused"));
        operations.create(ctx, "u7", reporter, stuck);

        assertTrue(driver.observe("u7").isPresent());
        assertEquals(List.of("u7 Created (could not: start failed) done"), sent);
    }

    @Test
    void aFailedCreateWhoseLeftoverCannotBeRemovedForAnEngineRestartIsDeliveredAgainAndFinished() {
        List<String> steps = new ArrayList<>();
        WorkloadOperations.Creation<ObservedContainer> stuck = removalFailing(spec("u8", "busybox"), steps, () -> {
            throw new DriverException("start failed: the engine is shutting down");
        }, new EngineUnreachableException("the engine is unreachable", null));
        EngineUnreachableException thrown = assertThrows(EngineUnreachableException.class,
                () -> operations.create(ctx, "u8", reporter, stuck));
        assertEquals("the engine is unreachable", thrown.getMessage());
        assertEquals(List.of(), sent, "nothing is reported until the message comes again");

        operations.create(ctx, "u8", reporter, creating(spec("u8", "busybox"), steps));
        assertEquals(List.of("create", "create", "reuse Created"), steps);
        assertEquals(List.of("u8 Created done"), sent);
    }

    /** {@link #creating} whose removal of a half-made workload fails with {@code failure}. */
    private WorkloadOperations.Creation<ObservedContainer> removalFailing(ContainerSpec spec, List<String> steps,
                                                                          Runnable afterCreate,
                                                                          RuntimeException failure) {
        return new Recorded(spec, steps, afterCreate) {
            @Override
            public void removeLeftover() {
                throw failure;
            }
        };
    }

    @Test
    void actionsReportTheOutcomeAndAMissingWorkloadIsGone() {
        driver.create(spec("u3", "busybox"), WorkloadNetworks.NONE);
        operations.act(ctx, "u3", "start", reporter, () -> driver.start("u3"));
        operations.act(ctx, "u3", "unpause", reporter, () -> driver.unpause("u3"));
        operations.act(ctx, "u3", "pause", reporter, () -> {
            throw new WorkloadOperations.Refused("Action pause is refused here");
        });
        operations.act(ctx, "nope", "stop", reporter, () -> driver.stop("nope", Duration.ZERO));

        assertEquals(ContainerStatus.RUNNING, driver.observe("u3").orElseThrow().status());
        assertEquals("u3 Running done", sent.get(0));
        assertTrue(sent.get(1).startsWith("u3 Running (Failed to unpause container: "), sent.get(1));
        assertEquals("u3 Running (Action pause is refused here) done", sent.get(2));
        assertEquals("nope gone done", sent.get(3));
    }

    @Test
    void aDeleteReportsGoneAlsoWhenTheEngineHadNothing() {
        driver.create(spec("u4", "busybox"), WorkloadNetworks.NONE);
        operations.delete(ctx, "u4", reporter, () -> driver.remove("u4", true));
        operations.delete(ctx, "u4", reporter, () -> driver.remove("u4", true));

        assertEquals(List.of("u4 gone done", "u4 gone done"), sent);
    }

    @Test
    void anUnforeseenExceptionEndsTheOperationAsAFailureInsteadOfEscaping() {
        List<String> steps = new ArrayList<>();
        WorkloadOperations.Creation<ObservedContainer> throwing = creating(spec("u5", "busybox"), steps, () -> {
            throw new IllegalArgumentException("invalid reference format");
        });
        operations.create(ctx, "u5", reporter, throwing);
        driver.create(spec("u6", "busybox"), WorkloadNetworks.NONE);
        operations.act(ctx, "u6", "start", reporter, () -> {
            throw new IllegalStateException("connection reset");
        });
        operations.delete(ctx, "u6", reporter, () -> {
            throw new IllegalStateException("connection reset");
        });

        assertEquals(List.of("create", "remove leftover"), steps);
        assertTrue(driver.observe("u5").isEmpty());
        assertEquals(List.of("u5 failed (could not: invalid reference format)",
                "u6 Created (Failed to start container: connection reset) done",
                "u6 Created (Failed to delete container: connection reset) done"), sent);
    }
}

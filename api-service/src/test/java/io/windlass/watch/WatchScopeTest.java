package io.windlass.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchScopeTest {
    private static final UUID A = UUID.randomUUID();

    static WorkloadChange change(long seq, WorkloadKind kind, UUID uuid, String project) {
        return new WorkloadChange(seq, kind, uuid, project, "updated", "Running", null, null, null, "h1", Instant.now());
    }

    @Test
    void aProjectWatchSeesOnlyItsProjectAndKind() {
        WatchScope scope = WatchScope.project(WorkloadKind.CONTAINER, "p1");
        assertTrue(scope.covers(change(1, WorkloadKind.CONTAINER, A, "p1")));
        assertFalse(scope.covers(change(2, WorkloadKind.CONTAINER, A, "p2")));
        assertFalse(scope.covers(change(3, WorkloadKind.CAPSULE, A, "p1")));
    }

    @Test
    void anAllProjectsWatchSeesEveryProjectOfItsKind() {
        WatchScope scope = new WatchScope(WorkloadKind.SERVER, null, null);
        assertTrue(scope.covers(change(1, WorkloadKind.SERVER, A, "p1")));
        assertTrue(scope.covers(change(2, WorkloadKind.SERVER, A, "p2")));
        assertFalse(scope.covers(change(3, WorkloadKind.CONTAINER, A, "p1")));
    }

    @Test
    void aWatchOfOneWorkloadSeesOnlyIt() {
        WatchScope scope = WatchScope.one(WorkloadKind.CAPSULE, A);
        assertTrue(scope.covers(change(1, WorkloadKind.CAPSULE, A, "p1")));
        assertFalse(scope.covers(change(2, WorkloadKind.CAPSULE, UUID.randomUUID(), "p1")));
    }

    @Test
    void theViewAsksThePolicyOncePerProjectAndHidesTheHostWhenItSaysNo() {
        int[] asked = {0};
        WatchView view = new WatchView(new WatchScope(WorkloadKind.CONTAINER, null, null),
                new ZunWatchFormat(new ObjectMapper()), project -> {
                    asked[0]++;
                    return project.equals("admin-visible");
                });
        String hidden = view.render(change(1, WorkloadKind.CONTAINER, A, "p1")).orElseThrow().data();
        view.render(change(2, WorkloadKind.CONTAINER, A, "p1"));
        String shown = view.render(change(3, WorkloadKind.CONTAINER, A, "admin-visible")).orElseThrow().data();
        assertFalse(hidden.contains("host"), hidden);
        assertTrue(shown.contains("\"host\":\"h1\""), shown);
        assertEquals(2, asked[0]);
        assertTrue(view.render(change(4, WorkloadKind.SERVER, A, "p1")).isEmpty());
    }
}

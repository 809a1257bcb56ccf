package io.windlass.agent.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FdbPlanTest {
    private static final String SELF = "198.18.231.2";

    @Test
    void newPeersAreAddedAndThisHostIsSkipped() {
        FdbPlan plan = FdbPlan.between(List.of(), List.of(SELF, "198.18.232.2", "198.18.233.2"), SELF);
        assertEquals(List.of("198.18.232.2", "198.18.233.2"), plan.toAdd());
        assertEquals(List.of(), plan.toRemove());
    }

    @Test
    void aDepartedPeerIsRemovedAndTheOthersLeftAlone() {
        FdbPlan plan = FdbPlan.between(List.of("198.18.232.2", "198.18.233.2"), List.of("198.18.232.2"), SELF);
        assertEquals(List.of(), plan.toAdd());
        assertEquals(List.of("198.18.233.2"), plan.toRemove());
    }

    @Test
    void theSameListTwiceChangesNothing() {
        assertTrue(FdbPlan.between(List.of("198.18.232.2"), List.of("198.18.232.2", "198.18.232.2"), SELF).isEmpty());
    }

    @Test
    void anEntryTowardsThisHostIsRemoved() {
        FdbPlan plan = FdbPlan.between(List.of(SELF, "198.18.232.2"), List.of("198.18.232.2"), SELF);
        assertEquals(List.of(SELF), plan.toRemove());
    }

    @Test
    void commandsAddBeforeTheyRemove() {
        FdbPlan plan = FdbPlan.between(List.of("198.18.233.2"), List.of("198.18.232.2"), SELF);
        assertEquals(List.of(
                List.of("bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "wlvx7", "dst", "198.18.232.2"),
                List.of("bridge", "fdb", "del", "00:00:00:00:00:00", "dev", "wlvx7", "dst", "198.18.233.2")),
                plan.commands("wlvx7"));
    }
}

package io.windlass.agent.driver;

import io.windlass.agent.container.ContainerSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostInventoryTest {
    private final HostInventory fourCpus = new HostInventory(4, 4096, 40);

    @Test
    void everyCpuIsFreeToPinWhenNoContainerHoldsOne() {
        assertEquals(4, fourCpus.freeDedicatedCpus(List.of(
                new ContainerSummary("a", "e1", true, Set.of()))));
    }

    @Test
    void cpusHeldByPinnedContainersAreNotFreeWhetherTheyRunOrNot() {
        assertEquals(1, fourCpus.freeDedicatedCpus(List.of(
                new ContainerSummary("a", "e1", true, Set.of(0, 1)),
                new ContainerSummary("b", "e2", false, Set.of(2)))));
    }

    @Test
    void aCpuClaimedTwiceCountsOnceAndTheCountNeverGoesBelowZero() {
        assertEquals(3, fourCpus.freeDedicatedCpus(List.of(
                new ContainerSummary("a", "e1", true, Set.of(0)),
                new ContainerSummary("b", "e2", true, Set.of(0)))));
        assertEquals(0, new HostInventory(1, 1024, 10).freeDedicatedCpus(List.of(
                new ContainerSummary("a", "e1", true, Set.of(0, 5)))));
    }
}

package io.windlass.workload;

import io.windlass.network.WorkloadPort;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InterfaceDriftTest {
    private static final WorkloadPort ON_A = new WorkloadPort("p-a", "net-a", true, null);
    private static final WorkloadPort ON_B = new WorkloadPort("p-b", "net-b", false, null);

    private static RowState row(Phase phase, boolean busy, String host) {
        Instant now = Instant.now();
        return new RowState(phase, busy, host, now, now, now, false, false);
    }

    @Test
    void aPortWhoseNetworkTheRunningWorkloadIsNotOnIsUnconnected() {
        assertEquals(List.of(ON_B), InterfaceDrift.unconnected(row(Phase.LIVE, false, "h1"), "h1",
                List.of(ON_A, ON_B), Optional.of(Set.of("net-a", "engine-bridge"))));
    }

    @Test
    void nothingIsUnconnectedWhenEveryPortsNetworkShows() {
        assertEquals(List.of(), InterfaceDrift.unconnected(row(Phase.LIVE, false, "h1"), "h1",
                List.of(ON_A, ON_B), Optional.of(Set.of("net-a", "net-b"))));
    }

    @Test
    void aReportThatCannotTellDecidesNothing() {
        assertEquals(List.of(), InterfaceDrift.unconnected(row(Phase.LIVE, false, "h1"), "h1",
                List.of(ON_A), Optional.empty()));
    }

    @Test
    void anOperationInFlightEndsOnItsOwn() {
        assertEquals(List.of(), InterfaceDrift.unconnected(row(Phase.LIVE, true, "h1"), "h1",
                List.of(ON_A), Optional.of(Set.of())));
    }

    @Test
    void onlyALiveRowOnTheReportingHostIsCompared() {
        assertEquals(List.of(), InterfaceDrift.unconnected(row(Phase.LIVE, false, "h2"), "h1",
                List.of(ON_A), Optional.of(Set.of())));
        assertEquals(List.of(), InterfaceDrift.unconnected(row(Phase.CREATING, false, "h1"), "h1",
                List.of(ON_A), Optional.of(Set.of())));
        assertEquals(List.of(), InterfaceDrift.unconnected(row(Phase.DELETING, false, "h1"), "h1",
                List.of(ON_A), Optional.of(Set.of())));
        assertEquals(List.of(), InterfaceDrift.unconnected(null, "h1", List.of(ON_A), Optional.of(Set.of())));
    }
}

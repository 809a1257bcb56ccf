package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zun's RuntimeFilter and CpuSetFilter over what the hosts' engines report. */
class EngineFiltersTest {
    private final RuntimeFilter runtime = new RuntimeFilter();
    private final CpuSetFilter cpuSet = new CpuSetFilter();

    @Test
    void aNamedRuntimeNeedsAnEngineThatHasIt() {
        HostCandidate plain = TestHosts.withEngine("h1", Set.of("runc"), 4);
        HostCandidate sandboxed = TestHosts.withEngine("h2", Set.of("runc", "runsc"), 4);

        assertFalse(runtime.passes(plain, TestHosts.forEngine("runsc", 1, 0)));
        assertTrue(runtime.passes(sandboxed, TestHosts.forEngine("runsc", 1, 0)));
        assertTrue(runtime.passes(plain, TestHosts.forEngine(null, 1, 0)), "no runtime named: the engine's default");
    }

    @Test
    void aHostThatNeverReportedItsRuntimesOffersTheDefaultOnly() {
        HostCandidate older = TestHosts.idle("h1", 8, 8192, 100);

        assertTrue(runtime.passes(older, TestHosts.forEngine("runc", 1, 0)));
        assertFalse(runtime.passes(older, TestHosts.forEngine("runsc", 1, 0)));
        assertFalse(cpuSet.passes(older, TestHosts.forEngine(null, 1, 1)), "nothing known to be free to pin");
    }

    @Test
    void dedicatedCpusNeedAsManyThatNoPinnedContainerHolds() {
        HostCandidate twoFree = TestHosts.withEngine("h1", Set.of("runc"), 2);

        assertTrue(cpuSet.passes(twoFree, TestHosts.forEngine(null, 2, 2)));
        assertFalse(cpuSet.passes(twoFree, TestHosts.forEngine(null, 3, 3)));
        assertTrue(cpuSet.passes(TestHosts.withEngine("h2", Set.of("runc"), 0), TestHosts.forEngine(null, 3, 0)),
                "a shared container pins nothing");
    }

    @Test
    void aDedicatedPlacementTakesItsCpusFromTheHostForTheNextDecision() {
        HostCandidate host = TestHosts.withEngine("h1", Set.of("runc"), 3).consume(2, 512, 0, 2);

        assertEquals(1, host.engine().freeDedicatedCpus());
        assertFalse(cpuSet.passes(host, TestHosts.forEngine(null, 2, 2)));
    }

    @Test
    void theExplanationNamesTheFilterThatRemovedEachHost() {
        FilterChain chain = new FilterChain(List.of(runtime, cpuSet));
        FilterOutcome outcome = chain.apply(List.of(TestHosts.withEngine("h1", Set.of("runc"), 8),
                TestHosts.withEngine("h2", Set.of("runc", "runsc"), 0)), TestHosts.forEngine("runsc", 1, 1));

        assertTrue(outcome.passed().isEmpty());
        assertTrue(outcome.explanation().contains("RuntimeFilter"), outcome.explanation());
        assertTrue(outcome.explanation().contains("CpuSetFilter"), outcome.explanation());
    }
}

package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeFilterTest {
    private final ComputeFilter filter = new ComputeFilter(Duration.ofSeconds(60));

    @Test
    void passesAnEnabledHostThatHeartBeatRecently() {
        assertTrue(filter.passes(TestHosts.idle("h1", 4, 4096, 10), TestHosts.request(1, 512, 0)));
    }

    @Test
    void removesAHostSilentForLongerThanTheServiceDownTime() {
        HostCandidate silent = new HostCandidate("h1", 4, 4096, 10, 0, 0, 0, 0, false, Duration.ofSeconds(61));
        assertFalse(filter.passes(silent, TestHosts.request(1, 512, 0)));
    }

    @Test
    void removesADisabledHost() {
        HostCandidate disabled = new HostCandidate("h1", 4, 4096, 10, 0, 0, 0, 0, true, Duration.ZERO);
        assertFalse(filter.passes(disabled, TestHosts.request(1, 512, 0)));
    }

    @Test
    void hasItsClassNameAsName() {
        assertEquals("ComputeFilter", filter.name());
    }
}

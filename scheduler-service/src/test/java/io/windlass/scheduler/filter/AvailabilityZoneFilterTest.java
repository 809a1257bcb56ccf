package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvailabilityZoneFilterTest {
    private final AvailabilityZoneFilter filter = new AvailabilityZoneFilter("nova");

    @Test
    void noZoneOrTheDefaultZoneMatchesEveryHost() {
        assertTrue(filter.passes(TestHosts.idle("h1", 1, 1024, 1), TestHosts.request(null, null)));
        assertTrue(filter.passes(TestHosts.idle("h1", 1, 1024, 1), TestHosts.request("nova", null)));
    }

    @Test
    void anotherZoneMatchesNoHost() {
        assertFalse(filter.passes(TestHosts.idle("h1", 1, 1024, 1), TestHosts.request("az2", null)));
    }
}

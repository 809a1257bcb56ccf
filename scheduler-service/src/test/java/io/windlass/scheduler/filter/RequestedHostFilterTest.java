package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestedHostFilterTest {
    private final RequestedHostFilter filter = new RequestedHostFilter();

    @Test
    void withoutAHintEveryHostPasses() {
        assertTrue(filter.passes(TestHosts.idle("h1", 1, 1024, 1), TestHosts.request(null, null)));
    }

    @Test
    void aHintKeepsOnlyThatHost() {
        assertTrue(filter.passes(TestHosts.idle("h2", 1, 1024, 1), TestHosts.request(null, "h2")));
        assertFalse(filter.passes(TestHosts.idle("h1", 1, 1024, 1), TestHosts.request(null, "h2")));
    }
}

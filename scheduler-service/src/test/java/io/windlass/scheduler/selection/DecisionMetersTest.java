package io.windlass.scheduler.selection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.windlass.scheduler.claim.ClaimResult;
import io.windlass.scheduler.filter.FilterOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DecisionMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DecisionMeters meters = new DecisionMeters(registry);

    @Test
    void aNoValidHostIsCountedUnderTheFilterThatRemovedTheLastHosts() {
        FilterOutcome outcome = new FilterOutcome(List.of(), 5, List.of(new FilterOutcome.Step("ComputeFilter", 5, 2),
                new FilterOutcome.Step("AvailabilityZoneFilter", 3, 0), new FilterOutcome.Step("ResourceFilter", 3, 3)));

        meters.filtered(outcome);
        meters.noValidHost(DecisionMeters.Operation.SELECT, outcome.lastFilter());

        assertEquals(1.0, registry.get("windlass.scheduler.no_valid_host").tags("operation", "select",
                "filter", "ResourceFilter").counter().count());
        assertEquals(1.0, registry.get("windlass.scheduler.decisions").tags("outcome", "no_valid_host").counter()
                .count());
        assertEquals(2.0, registry.get("windlass.scheduler.filter.removed").tag("filter", "ComputeFilter").counter()
                .count());
        assertEquals(3.0, registry.get("windlass.scheduler.filter.removed").tag("filter", "ResourceFilter").counter()
                .count());
        assertNull(registry.find("windlass.scheduler.filter.removed").tag("filter", "AvailabilityZoneFilter")
                .counter());
    }

    @Test
    void noHostsAtAllIsItsOwnReason() {
        assertEquals(FilterOutcome.NO_HOSTS, new FilterOutcome(List.of(), 0, List.of()).lastFilter());
    }

    @Test
    void claimsAndPlacementsAreCountedByOutcome() {
        meters.claim(DecisionMeters.Operation.MOVE, ClaimResult.Outcome.NO_ROOM);
        meters.claim(DecisionMeters.Operation.MOVE, ClaimResult.Outcome.CLAIMED);
        meters.placed(DecisionMeters.Operation.MOVE, ClaimResult.Outcome.CLAIMED);

        assertEquals(1.0, registry.get("windlass.scheduler.claims").tags("operation", "move", "outcome", "no_room")
                .counter().count());
        assertEquals(1.0, registry.get("windlass.scheduler.claims").tags("operation", "move", "outcome", "claimed")
                .counter().count());
        assertEquals(1.0, registry.get("windlass.scheduler.decisions").tags("operation", "move", "outcome", "claimed")
                .counter().count());
    }
}

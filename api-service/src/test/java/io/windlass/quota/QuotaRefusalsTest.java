package io.windlass.quota;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotaRefusalsTest {

    @Test
    void eachRefusalIsCountedByItsResource() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QuotaRefusals refusals = new QuotaRefusals(registry);

        refusals.refused("containers");
        refusals.refused("containers");
        refusals.refused("port");

        assertEquals(2.0, registry.get(QuotaRefusals.METRIC).tag("resource", "containers").counter().count());
        assertEquals(1.0, registry.get(QuotaRefusals.METRIC).tag("resource", "port").counter().count());
    }

    @Test
    void aClosedRegistryNeverFailsTheRefusal() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.close();
        QuotaRefusals refusals = new QuotaRefusals(registry);

        assertDoesNotThrow(() -> refusals.refused("cpu"));
    }
}

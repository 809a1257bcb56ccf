package io.windlass.scheduler.host;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostAggregatesTest {

    @Test
    void mergesEveryAggregateAndSplitsCommaSeparatedValues() {
        HostAggregates merged = HostAggregates.merge(List.of(
                Map.of("availability_zone", "az1", "ssd", "true", "filter_tenant_id", "p1, p2"),
                Map.of("ssd", "false", "filter_tenant_id", "p3", "gpu", "v100,a100")));

        assertEquals(Set.of("az1"), merged.values("availability_zone"));
        assertEquals(Set.of("true", "false"), merged.values("ssd"));
        assertEquals(Set.of("p1", "p2", "p3"), merged.values("filter_tenant_id"));
        assertEquals(Set.of("v100", "a100"), merged.values("gpu"));
        assertEquals(Set.of(), merged.values("absent"));
    }

    @Test
    void aHostWithoutZoneMetadataIsInTheDefaultZone() {
        assertEquals(Set.of("nova"), HostAggregates.NONE.availabilityZones("nova"));
        assertEquals(Set.of("nova"), HostAggregates.merge(List.of(Map.of("ssd", "true"))).availabilityZones("nova"));
        assertEquals(Set.of("az1", "az2"), HostAggregates.merge(List.of(Map.of("availability_zone", "az1"),
                Map.of("availability_zone", "az2"))).availabilityZones("nova"));
    }
}

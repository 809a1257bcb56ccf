package io.windlass.scheduler.selection;

import io.quarkus.test.junit.QuarkusTest;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.host.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placement driven by aggregate rows in PostgreSQL (as the aggregates API writes them) and by
 * hints resolved through {@code allocations}. The test profile enables every filter.
 */
@QuarkusTest
class AggregateSchedulingIT {

    @Inject
    DestinationSelector selector;
    @Inject
    ComputeHostRows rows;

    /**
     * h1, h2 in az1 (h2 also ssd); h3 in az2 reserved for project p-gold; h4 in no aggregate.
     */
    @BeforeEach
    void fourHostsInAggregates() {
        rows.clear();
        for (String h : List.of("h1", "h2", "h3", "h4")) {
            rows.insert(h, 16, 16384, 100, 0);
        }
        rows.aggregate("az1-all", List.of("h1", "h2"), Map.of("availability_zone", "az1"));
        rows.aggregate("fast", List.of("h2"), Map.of("ssd", "true", "cores", "32"));
        rows.aggregate("gold", List.of("h3"), Map.of("availability_zone", "az2", "filter_tenant_id", "p-gold,p-plat",
                "os_distro", "ubuntu"));
    }

    @Test
    void availabilityZoneComesFromTheAggregates() {
        Set<String> az1 = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            az1.add(select(request("p1", "az1", Map.of(), Map.of(), Map.of())));
        }
        assertEquals(Set.of("h1", "h2"), az1);
        assertEquals("h4", select(request("p1", "nova", Map.of(), Map.of(), Map.of())),
                "a host in no zone is in the default zone");

        RpcHandlerException none = assertThrows(RpcHandlerException.class,
                () -> select(request("p1", "az9", Map.of(), Map.of(), Map.of())));
        assertEquals(SchedulerRpcApi.NO_VALID_HOST, none.type());
        assertEquals("There are not enough hosts available. 4 hosts: AvailabilityZoneFilter removed 4 of 4",
                none.getMessage());
    }

    @Test
    void tenancyIsolationKeepsOtherProjectsOff() {
        assertEquals("h3", select(request("p-gold", "az2", Map.of(), Map.of(), Map.of())));
        RpcHandlerException refused = assertThrows(RpcHandlerException.class,
                () -> select(request("p-other", "az2", Map.of(), Map.of(), Map.of())));
        assertEquals("There are not enough hosts available. 4 hosts: AvailabilityZoneFilter removed 3 of 4; "
                + "AggregateMultiTenancyIsolation removed 1 of 1", refused.getMessage());
    }

    @Test
    void labelsMustMatchTheAggregatesExtraSpecs() {
        assertEquals("h2", select(request("p1", null, Map.of("ssd", "true"), Map.of(), Map.of())));
        assertEquals("h2", select(request("p1", null, Map.of("aggregate_instance_extra_specs:cores", ">= 16"),
                Map.of(), Map.of())));
        RpcHandlerException refused = assertThrows(RpcHandlerException.class,
                () -> select(request("p1", null, Map.of("cores", ">= 64"), Map.of(), Map.of())));
        assertTrue(refused.getMessage().endsWith("AggregateMultiTenancyIsolation removed 1 of 4; AggregateInstanceExtraSpecsFilter removed 3 of 3"),
                refused.getMessage());
    }

    @Test
    void imagePropertiesAreIsolatedByAggregate() {
        RpcHandlerException refused = assertThrows(RpcHandlerException.class,
                () -> select(request("p-gold", "az2", Map.of(), Map.of(), Map.of("os_distro", "centos"))));
        assertTrue(refused.getMessage().endsWith("AggregateImagePropertiesIsolation removed 1 of 1"),
                refused.getMessage());
        assertEquals("h3", select(request("p-gold", "az2", Map.of(), Map.of(), Map.of("os_distro", "ubuntu"))));
    }

    @Test
    void sameAndDifferentHostHintsFollowTheClaims() {
        ResourceRequest first = request("p1", null, Map.of(), Map.of(), Map.of());
        String firstHost = select(first);

        for (int i = 0; i < 4; i++) {
            assertEquals(firstHost, select(request("p1", null, Map.of(),
                    Map.of("same_host", List.of(first.consumerUuid())), Map.of())));
        }
        Set<String> elsewhere = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            elsewhere.add(select(request("p1", null, Map.of(),
                    Map.of("different_host", List.of(first.consumerUuid())), Map.of())));
        }
        assertTrue(!elsewhere.contains(firstHost) && !elsewhere.isEmpty(), elsewhere + " vs " + firstHost);

        RpcHandlerException unknown = assertThrows(RpcHandlerException.class, () -> select(request("p1", null,
                Map.of(), Map.of("same_host", List.of(UUID.randomUUID().toString())), Map.of())));
        assertTrue(unknown.getMessage().endsWith("SameHostFilter removed 3 of 3"), unknown.getMessage());
    }

    private String select(ResourceRequest request) {
        return selector.select(request).host();
    }

    private static ResourceRequest request(String project, String zone, Map<String, String> labels,
                                           Map<String, List<String>> hints, Map<String, String> image) {
        return new ResourceRequest(UUID.randomUUID().toString(), "container", project, 0.5, 256, 1, zone, null,
                labels, hints, image);
    }
}

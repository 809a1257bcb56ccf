package io.windlass.scheduler.filter;

import io.windlass.scheduler.host.HostCandidate;
import io.windlass.scheduler.host.TestHosts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filters that read aggregate metadata, on hosts with metadata already merged. */
class AggregateFiltersTest {
    private final HostCandidate plain = TestHosts.idle("plain", 8, 8192, 100);
    private final HostCandidate ssdInAz1 = TestHosts.inAggregates("ssd",
            Map.of("availability_zone", Set.of("az1"), "ssd", Set.of("true"), "cores", Set.of("32"),
                    "os_distro", Set.of("ubuntu", "debian")));
    private final HostCandidate reserved = TestHosts.inAggregates("reserved",
            Map.of("filter_tenant_id", Set.of("p1", "p2"), "filter_tenant_id2", Set.of("p3")));

    @Test
    void availabilityZoneComesFromAggregatesOrIsTheDefault() {
        AvailabilityZoneFilter filter = new AvailabilityZoneFilter("nova");
        assertTrue(filter.passes(ssdInAz1, TestHosts.request("az1", null)));
        assertFalse(filter.passes(ssdInAz1, TestHosts.request("nova", null)));
        assertTrue(filter.passes(plain, TestHosts.request("nova", null)));
        assertFalse(filter.passes(plain, TestHosts.request("az1", null)));
        assertTrue(filter.passes(ssdInAz1, TestHosts.request(null, null)));
    }

    @Test
    void tenancyIsolationAdmitsOnlyListedProjectsOnRestrictedHosts() {
        AggregateMultiTenancyIsolation filter = new AggregateMultiTenancyIsolation();
        assertTrue(filter.passes(reserved, TestHosts.forProject("p1")));
        assertTrue(filter.passes(reserved, TestHosts.forProject("p3")), "any filter_tenant_id* key counts");
        assertFalse(filter.passes(reserved, TestHosts.forProject("p9")));
        assertTrue(filter.passes(plain, TestHosts.forProject("p9")), "unrestricted hosts accept everyone");
        assertTrue(filter.passes(ssdInAz1, TestHosts.forProject("p9")));
    }

    @Test
    void extraSpecsMustBeDefinedAndSatisfiedByTheAggregates() {
        AggregateInstanceExtraSpecsFilter filter = new AggregateInstanceExtraSpecsFilter();
        assertTrue(filter.passes(plain, TestHosts.withProperties(Map.of())), "no properties, no constraint");
        assertTrue(filter.passes(ssdInAz1, TestHosts.withProperties(Map.of("ssd", "true"))));
        assertFalse(filter.passes(plain, TestHosts.withProperties(Map.of("ssd", "true"))), "key not defined");
        assertFalse(filter.passes(ssdInAz1, TestHosts.withProperties(Map.of("ssd", "false"))));
        assertTrue(filter.passes(ssdInAz1, TestHosts.withProperties(Map.of("cores", ">= 16"))));
        assertFalse(filter.passes(ssdInAz1, TestHosts.withProperties(Map.of("cores", ">= 64"))));
        assertTrue(filter.passes(ssdInAz1,
                TestHosts.withProperties(Map.of("aggregate_instance_extra_specs:ssd", "true"))));
        assertFalse(filter.passes(ssdInAz1,
                TestHosts.withProperties(Map.of("aggregate_instance_extra_specs:gpu", "true"))));
        assertTrue(filter.passes(plain, TestHosts.withProperties(Map.of("hw:cpu_policy", "dedicated"))),
                "other scopes are other filters' business");
        assertTrue(filter.passes(ssdInAz1, TestHosts.withProperties(Map.of("os_distro", "<or> centos <or> debian"))),
                "one of the merged values is enough");
    }

    @Test
    void imagePropertiesMustBeAmongTheAggregatesValues() {
        AggregateImagePropertiesIsolation filter = new AggregateImagePropertiesIsolation();
        assertTrue(filter.passes(ssdInAz1, TestHosts.withImageProperties(Map.of("os_distro", "debian"))));
        assertFalse(filter.passes(ssdInAz1, TestHosts.withImageProperties(Map.of("os_distro", "centos"))));
        assertTrue(filter.passes(ssdInAz1, TestHosts.withImageProperties(Map.of("hw_arch", "x86_64"))),
                "keys the aggregates do not define do not restrict");
        assertTrue(filter.passes(plain, TestHosts.withImageProperties(Map.of("os_distro", "centos"))));
        assertTrue(filter.passes(ssdInAz1, TestHosts.withImageProperties(Map.of())));
    }

    @Test
    void sameAndDifferentHostFollowTheHintedWorkloads() {
        String w1 = "0b6b4f7e-2c3a-4c86-9f3e-5b9c1e0f6a11";
        String w2 = "7d1e8a50-94b1-4c02-8d55-0f3f4bd2c9a2";
        HostCandidate withW1 = plain.withReferencedWorkloads(Set.of(w1));
        SameHostFilter same = new SameHostFilter();
        DifferentHostFilter different = new DifferentHostFilter();

        assertTrue(same.passes(withW1, TestHosts.withHints(Map.of("same_host", List.of(w1)))));
        assertTrue(same.passes(withW1, TestHosts.withHints(Map.of("same_host", List.of(w2, w1)))));
        assertFalse(same.passes(plain, TestHosts.withHints(Map.of("same_host", List.of(w1)))));
        assertTrue(same.passes(plain, TestHosts.withHints(Map.of())));

        assertFalse(different.passes(withW1, TestHosts.withHints(Map.of("different_host", List.of(w1)))));
        assertTrue(different.passes(plain, TestHosts.withHints(Map.of("different_host", List.of(w1)))));
        assertTrue(different.passes(withW1, TestHosts.withHints(Map.of())));
    }
}

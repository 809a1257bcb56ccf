package io.windlass.scheduler.claim;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim statement's plan at 1,000 hosts in 50 aggregates: each claim must touch its few
 * candidates through the host indexes, not read every host and membership (which made a claim
 * several times slower under load, docs/benchmarks.md).
 */
@QuarkusTest
class ClaimPlanIT {

    @Inject
    FirstFitClaimStatement statement;
    @Inject
    ComputeHostRows rows;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void thousandHostsInFiftyAggregates() {
        rows.clear();
        rows.execute("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at)
                SELECT 'h' || lpad(i::text, 4, '0'), 'fake', 4, 4096, 100, now() FROM generate_series(1, 1000) i""");
        rows.execute("""
                INSERT INTO aggregates (uuid, name)
                SELECT gen_random_uuid(), 'agg-' || lpad(i::text, 2, '0') FROM generate_series(1, 50) i""");
        rows.execute("""
                INSERT INTO aggregate_hosts (aggregate_id, host)
                SELECT a.id, h.host FROM aggregates a JOIN compute_hosts h
                  ON (substring(h.host from 2)::int - 1) % 50 + 1 = substring(a.name from 5)::int""");
        rows.execute("""
                INSERT INTO aggregate_metadata (aggregate_id, key, value)
                SELECT id, 'cpu_allocation_ratio', '2.0' FROM aggregates""");
        // what autovacuum does soon after a deployment's hosts registered
        rows.execute("ANALYZE compute_hosts");
        rows.execute("ANALYZE aggregate_hosts");
        rows.execute("ANALYZE aggregate_metadata");
    }

    @Test
    void claimReachesItsCandidatesThroughTheHostIndexes() throws SQLException {
        List<String> candidates = IntStream.of(17, 3, 999, 500, 42, 7, 250, 1000)
                .mapToObj(i -> "h%04d".formatted(i)).toList();
        for (FirstFitClaimStatement.Mode mode : FirstFitClaimStatement.Mode.values()) {
            String plan = plan(candidates, mode);

            assertFalse(plan.contains("Seq Scan on compute_hosts"), mode + " reads every host:\n" + plan);
            assertFalse(plan.contains("Seq Scan on aggregate_hosts"), mode + " reads every membership:\n" + plan);
            assertTrue(plan.contains("compute_hosts_host_key"), mode + " does not use the host index:\n" + plan);
        }
    }

    private String plan(List<String> candidates, FirstFitClaimStatement.Mode mode) throws SQLException {
        ResourceRequest request = new ResourceRequest(UUID.randomUUID().toString(), "container", "p1", 0.5, 256, 1,
                null, null, Map.of());
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = statement.prepare(connection, "EXPLAIN ", candidates,
                     UUID.fromString(request.consumerUuid()), request, mode);
             ResultSet lines = explain.executeQuery()) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}

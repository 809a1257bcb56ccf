package io.windlass.scheduler.host;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Test access to {@code compute_hosts} and {@code allocations}, as the conductor would write them. */
@ApplicationScoped
public class ComputeHostRows {
    private final AgroalDataSource db;

    public ComputeHostRows(AgroalDataSource db) {
        this.db = db;
    }

    public void clear() {
        update("DELETE FROM aggregates");
        update("DELETE FROM allocations");
        update("DELETE FROM compute_hosts");
    }

    public void insert(String host, double vcpus, long memoryMb, long diskGb, int heartbeatAgeSeconds) {
        update("INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at) "
                + "VALUES ('" + host + "', 'fake', " + vcpus + ", " + memoryMb + ", " + diskGb
                + ", now() - interval '" + heartbeatAgeSeconds + " seconds')");
    }

    /** What the host's agent reports of its engine: its runtimes and the CPUs no pinned container holds. */
    public void engine(String host, String runtimesJson, int freeDedicatedCpus) {
        update("UPDATE compute_hosts SET runtimes = CAST('" + runtimesJson + "' AS jsonb), free_dedicated_cpus = "
                + freeDedicatedCpus + " WHERE host = '" + host + "'");
    }

    /** An aggregate as the aggregates API stores it (the zone is the availability_zone metadata). */
    public void aggregate(String name, java.util.List<String> hosts, java.util.Map<String, String> metadata) {
        update("INSERT INTO aggregates (uuid, name) VALUES (gen_random_uuid(), '" + name + "')");
        String id = "(SELECT id FROM aggregates WHERE name = '" + name + "')";
        hosts.forEach(h -> update("INSERT INTO aggregate_hosts (aggregate_id, host) VALUES (" + id + ", '" + h + "')"));
        metadata.forEach((k, v) -> update("INSERT INTO aggregate_metadata (aggregate_id, key, value) VALUES (" + id
                + ", '" + k + "', '" + v + "')"));
    }

    public double vcpusUsed(String host) {
        return number("SELECT vcpus_used FROM compute_hosts WHERE host = '" + host + "'");
    }

    public long memoryUsed(String host) {
        return (long) number("SELECT memory_mb_used FROM compute_hosts WHERE host = '" + host + "'");
    }

    public long allocations() {
        return (long) number("SELECT count(*) FROM allocations");
    }

    public long allocatedMemory(String host) {
        return (long) number("SELECT coalesce(sum(memory_mb), 0) FROM allocations WHERE host = '" + host + "'");
    }

    /** Any statement, for set-ups too large for the helpers above (the latency benchmark). */
    public void execute(String sql) {
        update(sql);
    }

    /** The number in the first column of the first row. */
    public double query(String sql) {
        return number(sql);
    }

    private void update(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private double number(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

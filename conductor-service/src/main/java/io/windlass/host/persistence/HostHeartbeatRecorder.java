package io.windlass.host.persistence;

import io.windlass.host.HostState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * report_host_state: upserts the agent's inventory into {@code compute_hosts}. The claimed
 * counters ({@code *_used}) belong to the scheduler and {@code disabled} to operators, so the
 * upsert never touches them.
 */
@ApplicationScoped
public class HostHeartbeatRecorder {
    private static final Logger LOG = Logger.getLogger(HostHeartbeatRecorder.class);

    /**
     * One statement in autocommit: a heartbeat is a single upsert, so a JTA transaction would only
     * add the BEGIN/COMMIT round trips, and at 1,000 hosts there are 100 heartbeats a second. Its
     * commit does not wait for the WAL flush ({@code set_config(..., true)} lasts until this
     * statement's commit): a heartbeat lost to a PostgreSQL crash is replaced by the host's next one.
     */
    private static final String UPSERT = """
            WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
            INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, running_workloads,
                                       total_workloads, images, underlay_address, runtimes, free_dedicated_cpus,
                                       last_heartbeat_at, updated_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, now(), now() FROM async_commit
            ON CONFLICT (host) DO UPDATE SET
                driver = EXCLUDED.driver, vcpus = EXCLUDED.vcpus, memory_mb = EXCLUDED.memory_mb,
                disk_gb = EXCLUDED.disk_gb, running_workloads = EXCLUDED.running_workloads,
                total_workloads = EXCLUDED.total_workloads, images = EXCLUDED.images,
                underlay_address = EXCLUDED.underlay_address, runtimes = EXCLUDED.runtimes,
                free_dedicated_cpus = EXCLUDED.free_dedicated_cpus,
                last_heartbeat_at = now(), updated_at = now()""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public HostHeartbeatRecorder(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void record(HostState state) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int i = 0;
            upsert.setString(++i, state.host());
            upsert.setString(++i, state.driver() == null ? "docker" : state.driver());
            upsert.setDouble(++i, state.vcpus());
            upsert.setLong(++i, state.memoryMb());
            upsert.setLong(++i, state.diskGb());
            upsert.setInt(++i, state.runningContainers());
            upsert.setInt(++i, state.totalContainers());
            upsert.setString(++i, jsonArray(state.images()));
            upsert.setString(++i, state.underlayAddress());
            upsert.setString(++i, state.runtimes() == null ? null : jsonArray(state.runtimes()));
            upsert.setObject(++i, state.freeDedicatedCpus(), java.sql.Types.INTEGER);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("heartbeat of " + state.host() + " not recorded: " + e.getMessage(), e);
        }
        LOG.debugf("heartbeat from %s: %d/%d workloads running", state.host(), state.runningContainers(),
                state.totalContainers());
    }

    private String jsonArray(List<String> names) {
        try {
            return json.writeValueAsString(names == null ? List.of() : names);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("names not serialisable", e);
        }
    }
}

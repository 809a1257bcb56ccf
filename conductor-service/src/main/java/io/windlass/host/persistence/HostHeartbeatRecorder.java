package io.windlass.host.persistence;

import io.windlass.host.HostState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * report_host_state: upserts the agent's inventory into {@code compute_hosts}. The claimed
 * counters ({@code *_used}) belong to the scheduler and {@code disabled} to operators, so the
 * upsert never touches them.
 */
@ApplicationScoped
public class HostHeartbeatRecorder {
    private static final Logger LOG = Logger.getLogger(HostHeartbeatRecorder.class);

    private final EntityManager em;
    private final ObjectMapper json;

    public HostHeartbeatRecorder(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public void record(HostState state) {
        em.createNativeQuery("""
                INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, running_workloads,
                                           total_workloads, images, last_heartbeat_at, updated_at)
                VALUES (:host, :driver, :vcpus, :memory, :disk, :running, :total, CAST(:images AS jsonb), now(),
                        now())
                ON CONFLICT (host) DO UPDATE SET
                    driver = EXCLUDED.driver, vcpus = EXCLUDED.vcpus, memory_mb = EXCLUDED.memory_mb,
                    disk_gb = EXCLUDED.disk_gb, running_workloads = EXCLUDED.running_workloads,
                    total_workloads = EXCLUDED.total_workloads, images = EXCLUDED.images,
                    last_heartbeat_at = now(), updated_at = now()""")
                .setParameter("host", state.host())
                .setParameter("driver", state.driver() == null ? "docker" : state.driver())
                .setParameter("vcpus", state.vcpus())
                .setParameter("memory", state.memoryMb())
                .setParameter("disk", state.diskGb())
                .setParameter("running", state.runningContainers())
                .setParameter("total", state.totalContainers())
                .setParameter("images", imagesJson(state.images()))
                .executeUpdate();
        LOG.debugf("heartbeat from %s: %d/%d workloads running", state.host(), state.runningContainers(),
                state.totalContainers());
    }

    private String imagesJson(List<String> images) {
        try {
            return json.writeValueAsString(images == null ? List.of() : images);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("images not serialisable", e);
        }
    }
}

package io.windlass.conductor.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test access to the shared tables, writing rows as the api-service and agents would. */
@ApplicationScoped
public class ContainerRows {
    private final AgroalDataSource db;

    public ContainerRows(AgroalDataSource db) {
        this.db = db;
    }

    public void clear() {
        update("DELETE FROM containers");
        update("DELETE FROM capsules");
        update("DELETE FROM allocations");
        update("DELETE FROM compute_hosts");
    }

    /** A row as the api-service inserts it, with a restart policy and an image-default command. */
    public UUID insert(String status, String host) {
        UUID uuid = UUID.randomUUID();
        update("INSERT INTO containers (uuid, name, project_id, user_id, image, cpu, memory, disk, status, host, "
                + "labels, environment, restart_policy) VALUES ('" + uuid + "', 'web', 'p1', 'u1', 'busybox', "
                + "0.5, 256, 1, '" + status + "', " + (host == null ? "NULL" : "'" + host + "'")
                + ", '{\"tier\": \"web\"}', '{\"A\": \"1\"}', "
                + "'{\"name\": \"on-failure\", \"maximumRetryCount\": 3}')");
        return uuid;
    }

    /** A capsule row as the api-service inserts it (one busybox member). */
    public UUID insertCapsule(String status, String host) {
        UUID uuid = UUID.randomUUID();
        update("INSERT INTO capsules (uuid, name, project_id, user_id, restart_policy, cpu, memory, spec, status, host) "
                + "VALUES ('" + uuid + "', 'cap', 'p1', 'u1', 'always', 0.5, 64, '{\"uuid\": \"" + uuid
                + "\", \"name\": \"cap\", \"restartPolicy\": \"always\", \"initContainers\": [], "
                + "\"containers\": [], \"volumes\": []}', '" + status + "', "
                + (host == null ? "NULL" : "'" + host + "'") + ")");
        return uuid;
    }

    public Map<String, String> capsule(UUID uuid) {
        return row("SELECT * FROM capsules WHERE uuid = '" + uuid + "'");
    }

    public void insertHost(String host, int heartbeatAgeSeconds) {
        update("INSERT INTO compute_hosts (host, driver, vcpus, memory_mb, disk_gb, last_heartbeat_at) VALUES ('"
                + host + "', 'docker', 4, 8192, 100, now() - interval '" + heartbeatAgeSeconds + " seconds')");
    }

    public void update(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public boolean exists(UUID uuid) {
        return row("SELECT * FROM containers WHERE uuid = '" + uuid + "'") != null;
    }

    /** Column name to text value, or null when there is no such row. */
    public Map<String, String> container(UUID uuid) {
        return row("SELECT * FROM containers WHERE uuid = '" + uuid + "'");
    }

    public Map<String, String> host(String host) {
        return row("SELECT *, extract(epoch FROM now() - last_heartbeat_at) AS age FROM compute_hosts "
                + "WHERE host = '" + host + "'");
    }

    public Map<String, String> row(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

package io.windlass.scheduler.group;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Test access to {@code server_groups} and their members, as the api-service writes them. */
@ApplicationScoped
public class ServerGroupRows {
    private final AgroalDataSource db;

    public ServerGroupRows(AgroalDataSource db) {
        this.db = db;
    }

    public void clear() {
        update("DELETE FROM server_groups");
    }

    /** A group of project p1; {@code maxServerPerHost} null: no rule. */
    public UUID group(String policy, Integer maxServerPerHost) {
        UUID uuid = UUID.randomUUID();
        update("INSERT INTO server_groups (uuid, name, project_id, user_id, policy, max_server_per_host) VALUES ('"
                + uuid + "', 'g', 'p1', 'u1', '" + policy + "', " + maxServerPerHost + ")");
        return uuid;
    }

    /** A new server that joined the group at boot; returns its uuid. */
    public UUID member(UUID group) {
        UUID server = UUID.randomUUID();
        update("INSERT INTO server_group_members (server_uuid, group_id) VALUES ('" + server
                + "', (SELECT id FROM server_groups WHERE uuid = '" + group + "'))");
        return server;
    }

    /** A claim row alone, the host's counters untouched: the member is there without changing its room. */
    public void placed(UUID server, String host) {
        update("INSERT INTO allocations (consumer_uuid, consumer_type, host, project_id, vcpus, memory_mb, disk_gb) "
                + "VALUES ('" + server + "', 'server', '" + host + "', 'p1', 0, 0, 0)");
    }

    public void delete(UUID group) {
        update("DELETE FROM server_groups WHERE uuid = '" + group + "'");
    }

    private void update(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

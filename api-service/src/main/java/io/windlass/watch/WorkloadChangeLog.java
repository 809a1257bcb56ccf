package io.windlass.watch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code workload_changes} read and pruned with plain SQL (V27; its triggers write it). Reads run
 * in auto-commit on a pooled connection, once per batch of notifications, never per watcher.
 */
public class WorkloadChangeLog {
    private final DataSource db;

    public WorkloadChangeLog(DataSource db) {
        this.db = db;
    }

    /** The newest change's seq, 0 when none was ever made (or all were pruned and none followed). */
    public long latest() throws SQLException {
        try (Connection c = db.getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT greatest(coalesce(max(seq), 0), (SELECT pruned_through FROM workload_change_horizon))"
                             + " FROM workload_changes")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The newest seq the prune removed: changes after it are all still kept. */
    public long prunedThrough() throws SQLException {
        try (Connection c = db.getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT pruned_through FROM workload_change_horizon")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Up to {@code limit} changes after {@code seq}, oldest first. */
    public List<WorkloadChange> after(long seq, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, kind, uuid, project_id, change, status, status_reason,"
                     + " task_state, power_state, host, at FROM workload_changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, seq);
            s.setInt(2, limit);
            List<WorkloadChange> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int power = r.getInt(9);
                    rows.add(new WorkloadChange(r.getLong(1), WorkloadKind.ofColumn(r.getString(2)),
                            r.getObject(3, UUID.class), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                            r.getString(8), r.wasNull() ? null : power, r.getString(10),
                            r.getTimestamp(11).toInstant()));
                }
            }
            return rows;
        }
    }

    /**
     * Removes the changes made before {@code cutoff} (a prefix in seq order) and raises the
     * horizon to the last one removed, in one transaction; several replicas may prune at once.
     *
     * @return how many were removed
     */
    public int pruneBefore(Instant cutoff) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("WITH last AS (SELECT max(seq) AS seq FROM workload_changes"
                     + " WHERE at < ?), gone AS (DELETE FROM workload_changes WHERE seq <= (SELECT seq FROM last)"
                     + " RETURNING seq) UPDATE workload_change_horizon SET pruned_through ="
                     + " greatest(pruned_through, (SELECT max(seq) FROM gone)) WHERE (SELECT count(*) FROM gone) > 0"
                     + " RETURNING (SELECT count(*) FROM gone)")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }
}

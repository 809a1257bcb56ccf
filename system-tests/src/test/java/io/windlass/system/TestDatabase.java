package io.windlass.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL database of a system-test run, owned by that run alone. */
public final class TestDatabase {
    private final String jdbcUrl;

    public TestDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Drops everything a previous run left, so that every service's Flyway migrates a fresh
     * schema (they migrate concurrently; Flyway serialises them with an advisory lock).
     */
    public void reset() {
        execute("drop schema if exists public cascade", "create schema public");
    }

    /** UUIDs of all container rows: after a run these are the engine containers to clean up. */
    public List<String> containerUuids() {
        return uuids("containers");
    }

    /** UUIDs of all server rows (deleted ones included): their engine containers are cleaned up too. */
    public List<String> serverUuids() {
        return uuids("servers");
    }

    /** UUIDs of all capsule rows: their sandboxes and members are cleaned up too. */
    public List<String> capsuleUuids() {
        return uuids("capsules");
    }

    private List<String> uuids(String table) {
        List<String> uuids = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (!tableExists(c, table)) {
                return uuids;
            }
            try (ResultSet rs = s.executeQuery("select uuid from " + table)) {
                while (rs.next()) {
                    uuids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table + " from " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return uuids;
    }

    /** Rows of a query, each column by its label, for assertions on what the services stored. */
    public List<java.util.Map<String, Object>> query(String sql) {
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "public", table, null)) {
            return rs.next();
        }
    }

    private void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + jdbcUrl + " (run deploy/local/test, which creates it): "
                    + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}

package io.windlass.scheduler.claim;

import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.host.AggregateAllocationRatios;
import io.windlass.scheduler.host.AllocationRatios;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The claim as one SQL statement run in autocommit: one round trip and one commit, whatever the
 * number of candidates. It claims on the first of the candidate hosts, in the caller's order,
 * that has room for the request against the committed counters and its aggregates' allocation
 * ratios, skipping hosts whose row another claim holds locked at that moment (instead of queueing
 * behind it; see {@link Mode}).
 * <p>
 * Why plain JDBC and autocommit: under load, a decision's latency is dominated by the hand-overs
 * between the scheduler and its PostgreSQL backend, each waiting for a core. A JTA transaction
 * costs a second round trip (COMMIT) for nothing: a single statement is atomic on its own,
 * data-modifying CTEs included. A second delivery of the same request racing this one makes the
 * allocation insert fail on its primary key, which aborts the whole statement, counter update
 * included ({@link Result#concurrentDelivery}).
 * <p>
 * The claim commits without waiting for its WAL flush ({@code synchronous_commit} off for this
 * statement's transaction only): nothing acts on a claim until the conductor has recorded the
 * chosen host in its own, synchronous, commit, and a WAL flush always covers everything written
 * before it, the claim included. A crash of PostgreSQL can only lose a claim whose host was never
 * recorded, together with that record, and the build then fails or is asked again.
 */
@ApplicationScoped
class FirstFitClaimStatement {
    /** {@code unique_violation}: the allocation's primary key, only ever inserted here. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** {@code deadlock_detected}: this statement was the one PostgreSQL aborted to end a deadlock. */
    private static final String DEADLOCK_DETECTED = "40P01";
    /** A deadlock needs claims racing for the last room; a third in a row would mean something else. */
    private static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(FirstFitClaimStatement.class);

    /** Room for the request on host row {@code h} with ratio row {@code r} (null ratios: configured). */
    private static final String FITS = """
            NOT h.disabled
              AND h.vcpus_used + ? <= h.vcpus * COALESCE(r.cpu, ?)
              AND h.memory_mb_used + ? <= h.memory_mb * COALESCE(r.ram, ?)
              AND h.disk_gb_used + ? <= h.disk_gb * COALESCE(r.disk, ?)""";

    /**
     * {@code ratio}: per candidate its effective ratios ({@link EffectiveRatioSql}); {@code target}:
     * the first candidate with room, locked (PostgreSQL re-checks the room on the newest row
     * version once it holds the lock); {@code existing}: an earlier delivery's claim, in which
     * case nothing is claimed; the last column counts candidates with room in the statement's
     * snapshot, so that "none had room" can be told from "the ones with room were locked";
     * {@code set_config(..., true)} lasts until this statement's commit. Each table is filtered by
     * {@code host = ANY(candidates)} as well as joined, so that PostgreSQL reaches the candidates'
     * rows through the host indexes (ClaimPlanIT): joined only, it read all 1,000 hosts, their dead
     * row versions and all memberships on every claim.
     */
    private static final String SQL = """
            WITH candidate AS (
                SELECT c.host, c.position FROM unnest(?) WITH ORDINALITY AS c(host, position)
            ), ratio AS (
            %3$s
            ), existing AS (
                SELECT host FROM allocations WHERE consumer_uuid = ?
            ), target AS (
                SELECT h.host FROM compute_hosts h
                JOIN candidate c ON c.host = h.host
                LEFT JOIN ratio r ON r.host = h.host
                WHERE h.host = ANY(?) AND NOT EXISTS (SELECT 1 FROM existing) AND %1$s
                ORDER BY c.position
                LIMIT 1
                FOR UPDATE OF h %2$s
            ), claimed AS (
                UPDATE compute_hosts h
                SET vcpus_used = h.vcpus_used + ?, memory_mb_used = h.memory_mb_used + ?,
                    disk_gb_used = h.disk_gb_used + ?, updated_at = now()
                FROM target t
                WHERE h.host = t.host
                RETURNING h.host
            ), inserted AS (
                INSERT INTO allocations (consumer_uuid, consumer_type, host, project_id, vcpus, memory_mb,
                                         disk_gb, updated_at)
                SELECT ?, ?, host, ?, ?, ?, ?, now() FROM claimed
                RETURNING host
            )
            SELECT (SELECT host FROM existing), (SELECT host FROM inserted), set_config('synchronous_commit', 'off', true),
                   (SELECT count(*) FROM compute_hosts h
                    LEFT JOIN ratio r ON r.host = h.host
                    WHERE h.host = ANY(?) AND %1$s)""";

    /** Whether the statement passes over candidates whose row another claim holds locked. */
    enum Mode {
        /** Skip them ({@code SKIP LOCKED}): the usual way, no queueing behind another scheduler. */
        SKIP_LOCKED("SKIP LOCKED"),
        /** Wait for them: only when skipping left nothing, so that a busy host is not taken for a full one. */
        WAIT("");

        private final String sql;

        Mode(String clause) {
            this.sql = SQL.formatted(FITS, clause,
                    EffectiveRatioSql.perHost("ah.host = ANY(?)", "?"));
        }
    }

    /**
     * What the statement found.
     *
     * @param existingHost       the host of an earlier delivery's claim (nothing was claimed), or null
     * @param claimedHost        the host claimed by this statement, or null
     * @param candidatesWithRoom candidates with room in the statement's snapshot, locked or not
     * @param concurrentDelivery another delivery of the same request inserted its claim while this
     *                           statement ran: this one changed nothing
     */
    record Result(String existingHost, String claimedHost, long candidatesWithRoom, boolean concurrentDelivery) {
    }

    private final DataSource dataSource;
    private final AllocationRatios ratios;

    FirstFitClaimStatement(DataSource dataSource, AllocationRatios ratios) {
        this.dataSource = dataSource;
        this.ratios = ratios;
    }

    Result execute(List<String> candidates, UUID consumer, ResourceRequest request, Mode mode) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement statement = prepare(connection, "", candidates, consumer, request, mode);
                     ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new Result(row.getString(1), row.getString(2), row.getLong(4), false);
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return new Result(null, null, 0, true);
                    }
                    // Waiting claims lock each candidate they step past, full ones included, so two that wait
                    // in opposite candidate orders can deadlock when the hosts fill up under them. PostgreSQL
                    // aborts one; in autocommit that undid only this statement, and a new snapshot decides.
                    if (DEADLOCK_DETECTED.equals(e.getSQLState()) && connection.getAutoCommit()
                            && attempt < MAX_ATTEMPTS) {
                        LOG.debugf("claim of %s on %s deadlocked with another claim; trying again", consumer,
                                candidates);
                        continue;
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("claim of " + consumer + " on " + candidates + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The statement with its parameters bound, after {@code prefix} (ClaimPlanIT explains it). */
    PreparedStatement prepare(Connection connection, String prefix, List<String> candidates, UUID consumer,
                              ResourceRequest request, Mode mode) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(prefix + mode.sql);
        try {
            Array hosts = connection.createArrayOf("text", candidates.toArray());
            int i = 0;
            statement.setArray(++i, hosts);
            statement.setArray(++i, hosts);
            statement.setString(++i, AggregateAllocationRatios.VALID_VALUE);
            statement.setObject(++i, consumer);
            statement.setArray(++i, hosts);
            i = bindFits(statement, i, request);
            statement.setDouble(++i, request.vcpus());
            statement.setLong(++i, request.memoryMb());
            statement.setLong(++i, request.diskGb());
            statement.setObject(++i, consumer);
            statement.setString(++i, request.consumerType() == null ? "container" : request.consumerType());
            statement.setString(++i, request.projectId());
            statement.setDouble(++i, request.vcpus());
            statement.setLong(++i, request.memoryMb());
            statement.setLong(++i, request.diskGb());
            statement.setArray(++i, hosts);
            bindFits(statement, i, request);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private int bindFits(PreparedStatement statement, int i, ResourceRequest request) throws SQLException {
        statement.setDouble(++i, request.vcpus());
        statement.setDouble(++i, ratios.cpu());
        statement.setLong(++i, request.memoryMb());
        statement.setDouble(++i, ratios.ram());
        statement.setLong(++i, request.diskGb());
        statement.setDouble(++i, ratios.disk());
        return i;
    }
}

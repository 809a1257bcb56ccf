package io.windlass.hypervisor.persistence;

import io.windlass.host.persistence.ComputeHostRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads {@code compute_hosts} with the servers placed on each host, ordered by id as Nova pages
 * its compute nodes. Read-only: heartbeats (conductor) and claims (scheduler) write these rows.
 */
@ApplicationScoped
public class HypervisorRepository {
    /** One row per host; the servers are counted in one pass over the live servers that have a host. */
    private static final String SELECT = """
            SELECT h.id, h.host, h.disabled, h.disabled_reason,
                   to_char(h.last_heartbeat_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                   extract(epoch FROM now() - h.last_heartbeat_at),
                   h.driver, h.vcpus, h.memory_mb, h.disk_gb, h.vcpus_used, h.memory_mb_used, h.disk_gb_used,
                   h.underlay_address, cast(extract(epoch FROM h.created_at) * 1000000 AS bigint),
                   coalesce(s.servers, 0), coalesce(s.busy, 0)
            FROM compute_hosts h
            LEFT JOIN (SELECT host, count(*) AS servers, count(task_state) AS busy FROM servers
                       WHERE deleted_at IS NULL AND host IS NOT NULL GROUP BY host) s ON s.host = h.host""";

    private final EntityManager em;

    public HypervisorRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Hosts after {@code afterId} in id order.
     *
     * @param limit at most this many; null for all
     */
    public List<HypervisorRecord> page(long afterId, Integer limit) {
        Query query = em.createNativeQuery(SELECT + " WHERE h.id > :after ORDER BY h.id"
                + (limit == null ? "" : " LIMIT :limit")).setParameter("after", afterId);
        if (limit != null) {
            query.setParameter("limit", limit);
        }
        return read(query.getResultList());
    }

    /**
     * Hosts whose name contains the pattern, as Nova's {@code LIKE '%pattern%'}: {@code %} and {@code _}
     * in it are wildcards too, and the match ignores case as MySQL's default collation does.
     */
    public List<HypervisorRecord> matching(String pattern) {
        return read(em.createNativeQuery(SELECT + " WHERE h.host ILIKE '%' || :pattern || '%' ORDER BY h.id")
                .setParameter("pattern", pattern).getResultList());
    }

    public Optional<HypervisorRecord> byId(long id) {
        return read(em.createNativeQuery(SELECT + " WHERE h.id = :id").setParameter("id", id).getResultList())
                .stream().findFirst();
    }

    public Optional<HypervisorRecord> byHost(String host) {
        return read(em.createNativeQuery(SELECT + " WHERE h.host = :host").setParameter("host", host)
                .getResultList()).stream().findFirst();
    }

    /** Every host's id and name: a host's uuid is derived from its name, so uuids are looked up here. */
    public List<HostName> names() {
        List<HostName> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, host FROM compute_hosts ORDER BY id").getResultList()) {
            Object[] c = (Object[]) row;
            out.add(new HostName(((Number) c[0]).longValue(), (String) c[1]));
        }
        return out;
    }

    /** The live servers on these hosts, oldest first (Nova's {@code InstanceList.get_by_host}). */
    public List<HostedServer> serversOn(Collection<String> hosts) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        List<HostedServer> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT host, name, cast(uuid AS text) FROM servers "
                        + "WHERE deleted_at IS NULL AND host = any (cast(:hosts AS text[])) ORDER BY created_at, id")
                .setParameter("hosts", arrayLiteral(hosts)).getResultList()) {
            Object[] c = (Object[]) row;
            out.add(new HostedServer((String) c[0], (String) c[1], UUID.fromString((String) c[2])));
        }
        return out;
    }

    /** PostgreSQL's text form of a text array, each element quoted. */
    private static String arrayLiteral(Collection<String> items) {
        return items.stream().map(i -> "\"" + i.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A host's id and name. */
    public record HostName(long id, String host) {
    }

    private static List<HypervisorRecord> read(List<?> rows) {
        List<HypervisorRecord> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            ComputeHostRecord service = new ComputeHostRecord(((Number) c[0]).longValue(), (String) c[1],
                    (Boolean) c[2], (String) c[3], (String) c[4], ((Number) c[5]).doubleValue());
            long micros = ((Number) c[14]).longValue();
            out.add(new HypervisorRecord(service, (String) c[6], ((Number) c[7]).doubleValue(),
                    ((Number) c[8]).longValue(), ((Number) c[9]).longValue(), ((Number) c[10]).doubleValue(),
                    ((Number) c[11]).longValue(), ((Number) c[12]).longValue(), (String) c[13],
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ((Number) c[15]).intValue(),
                    ((Number) c[16]).intValue()));
        }
        return out;
    }
}

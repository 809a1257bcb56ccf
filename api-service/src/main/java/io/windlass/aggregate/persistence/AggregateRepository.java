package io.windlass.aggregate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.exception.ConstraintViolationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Native SQL on {@code aggregates}, {@code aggregate_hosts} and {@code aggregate_metadata}.
 * Writes lean on the primary keys and {@code ON CONFLICT} so that concurrent requests end in
 * a clean "already there" rather than a constraint violation.
 */
@ApplicationScoped
public class AggregateRepository {
    /** Nova's timestamp form: UTC, microseconds, no zone suffix. */
    private static final String NOVA_TIME = "'YYYY-MM-DD\"T\"HH24:MI:SS.US'";
    private static final String COLUMNS = "a.id, a.uuid, a.name, to_char(a.created_at at time zone 'UTC', "
            + NOVA_TIME + "), to_char(a.updated_at at time zone 'UTC', " + NOVA_TIME + ")";

    private final EntityManager em;

    public AggregateRepository(EntityManager em) {
        this.em = em;
    }

    public List<AggregateRecord> list() {
        return load("SELECT " + COLUMNS + " FROM aggregates a ORDER BY a.id", null);
    }

    public Optional<AggregateRecord> find(int id) {
        return load("SELECT " + COLUMNS + " FROM aggregates a WHERE a.id = :id", id).stream().findFirst();
    }

    /**
     * Locks the aggregate row until the transaction ends, serialising every change to one
     * aggregate (membership and zone checks included).
     */
    public boolean lock(int id) {
        return !em.createNativeQuery("SELECT id FROM aggregates WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** The new aggregate's id, or empty when the name is taken. */
    public OptionalInt insert(UUID uuid, String name) {
        List<?> ids = em.createNativeQuery("INSERT INTO aggregates (uuid, name) VALUES (:uuid, :name) "
                        + "ON CONFLICT (name) DO NOTHING RETURNING id")
                .setParameter("uuid", uuid).setParameter("name", name).getResultList();
        return ids.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) ids.get(0)).intValue());
    }

    public boolean nameTakenByOther(String name, int id) {
        return !em.createNativeQuery("SELECT 1 FROM aggregates WHERE name = :name AND id <> :id")
                .setParameter("name", name).setParameter("id", id).getResultList().isEmpty();
    }

    /**
     * False when another aggregate holds the name: a concurrent rename or create can take it
     * after {@link #nameTakenByOther} looked, and then the unique index decides.
     */
    public boolean rename(int id, String name) {
        try {
            em.createNativeQuery("UPDATE aggregates SET name = :name WHERE id = :id")
                    .setParameter("name", name).setParameter("id", id).executeUpdate();
            return true;
        } catch (ConstraintViolationException e) {
            return false;
        }
    }

    public void touch(int id) {
        em.createNativeQuery("UPDATE aggregates SET updated_at = now() WHERE id = :id")
                .setParameter("id", id).executeUpdate();
    }

    public void delete(int id) {
        em.createNativeQuery("DELETE FROM aggregates WHERE id = :id").setParameter("id", id).executeUpdate();
    }

    /** False when the host already is a member. */
    public boolean addHost(int id, String host) {
        return em.createNativeQuery("INSERT INTO aggregate_hosts (aggregate_id, host) VALUES (:id, :host) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("id", id).setParameter("host", host).executeUpdate() == 1;
    }

    /** False when the host was not a member. */
    public boolean removeHost(int id, String host) {
        return em.createNativeQuery("DELETE FROM aggregate_hosts WHERE aggregate_id = :id AND host = :host")
                .setParameter("id", id).setParameter("host", host).executeUpdate() == 1;
    }

    public void putMetadata(int id, String key, String value) {
        em.createNativeQuery("INSERT INTO aggregate_metadata (aggregate_id, key, value) VALUES (:id, :key, :value) "
                        + "ON CONFLICT (aggregate_id, key) DO UPDATE SET value = EXCLUDED.value")
                .setParameter("id", id).setParameter("key", key).setParameter("value", value).executeUpdate();
    }

    public void deleteMetadata(int id, String key) {
        em.createNativeQuery("DELETE FROM aggregate_metadata WHERE aggregate_id = :id AND key = :key")
                .setParameter("id", id).setParameter("key", key).executeUpdate();
    }

    /**
     * Zones that aggregates other than {@code excludedId} give to {@code host}, by aggregate name.
     */
    public Map<String, String> zonesOfHostElsewhere(String host, int excludedId) {
        Map<String, String> zones = new TreeMap<>();
        for (Object row : em.createNativeQuery("""
                        SELECT a.name, m.value FROM aggregate_hosts h
                        JOIN aggregates a ON a.id = h.aggregate_id
                        JOIN aggregate_metadata m ON m.aggregate_id = h.aggregate_id AND m.key = :key
                        WHERE h.host = :host AND h.aggregate_id <> :id""")
                .setParameter("key", AggregateRecord.AZ_KEY).setParameter("host", host)
                .setParameter("id", excludedId).getResultList()) {
            Object[] cols = (Object[]) row;
            zones.put((String) cols[0], (String) cols[1]);
        }
        return zones;
    }

    /** Each host's zone as aggregates set it (hosts in no zoned aggregate are absent). */
    public Map<String, String> zonesByHost() {
        Map<String, String> zones = new TreeMap<>();
        for (Object row : em.createNativeQuery("""
                        SELECT h.host, min(m.value) FROM aggregate_hosts h
                        JOIN aggregate_metadata m ON m.aggregate_id = h.aggregate_id AND m.key = :key
                        GROUP BY h.host""")
                .setParameter("key", AggregateRecord.AZ_KEY).getResultList()) {
            Object[] cols = (Object[]) row;
            zones.put((String) cols[0], (String) cols[1]);
        }
        return zones;
    }

    private List<AggregateRecord> load(String sql, Integer id) {
        var query = em.createNativeQuery(sql);
        if (id != null) {
            query.setParameter("id", id);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<String>> hosts = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> metadata = new LinkedHashMap<>();
        String scope = id == null ? "" : " WHERE aggregate_id = :id";
        var hostQuery = em.createNativeQuery("SELECT aggregate_id, host FROM aggregate_hosts" + scope
                + " ORDER BY host");
        var metaQuery = em.createNativeQuery("SELECT aggregate_id, key, value FROM aggregate_metadata" + scope
                + " ORDER BY key");
        if (id != null) {
            hostQuery.setParameter("id", id);
            metaQuery.setParameter("id", id);
        }
        for (Object row : hostQuery.getResultList()) {
            Object[] cols = (Object[]) row;
            hosts.computeIfAbsent(((Number) cols[0]).intValue(), k -> new ArrayList<>()).add((String) cols[1]);
        }
        for (Object row : metaQuery.getResultList()) {
            Object[] cols = (Object[]) row;
            metadata.computeIfAbsent(((Number) cols[0]).intValue(), k -> new TreeMap<>())
                    .put((String) cols[1], (String) cols[2]);
        }
        List<AggregateRecord> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            int aggregateId = ((Number) cols[0]).intValue();
            out.add(new AggregateRecord(aggregateId, (UUID) cols[1], (String) cols[2], (String) cols[3],
                    (String) cols[4], List.copyOf(hosts.getOrDefault(aggregateId, List.of())),
                    Collections.unmodifiableMap(metadata.getOrDefault(aggregateId, new TreeMap<>()))));
        }
        return out;
    }
}

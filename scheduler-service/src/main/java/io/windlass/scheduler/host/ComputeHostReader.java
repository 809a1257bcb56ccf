package io.windlass.scheduler.host;

import io.windlass.scheduler.ResourceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the hosts from {@code compute_hosts} (written by the conductor from heartbeats) with
 * their aggregates' merged metadata. A fixed number of queries per decision whatever the
 * number of hosts: hosts with their aggregate ids, all aggregate metadata, and, only when the
 * request has same/different-host hints, the hosts of the workloads it names.
 */
@ApplicationScoped
public class ComputeHostReader {
    private final EntityManager em;

    public ComputeHostReader(EntityManager em) {
        this.em = em;
    }

    /** All hosts, ordered by name, without anything request-specific. */
    @Transactional
    public List<HostCandidate> allHosts() {
        return loadHosts();
    }

    /** All hosts, ordered by name, with the hinted workloads each one holds. */
    @Transactional
    public List<HostCandidate> hostsFor(ResourceRequest request) {
        List<HostCandidate> hosts = loadHosts();
        Set<String> hinted = new LinkedHashSet<>(request.hint(ResourceRequest.SAME_HOST));
        hinted.addAll(request.hint(ResourceRequest.DIFFERENT_HOST));
        if (hinted.isEmpty()) {
            return hosts;
        }
        Map<String, Set<String>> workloadsByHost = hostsOf(hinted);
        return hosts.stream()
                .map(h -> workloadsByHost.containsKey(h.host())
                        ? h.withReferencedWorkloads(workloadsByHost.get(h.host())) : h)
                .toList();
    }

    private List<HostCandidate> loadHosts() {
        // the heartbeat age comes from the database so that application clocks do not matter; one
        // grouped join instead of a sub-select per host (half the time at 1,000 hosts)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT h.host, h.vcpus, h.memory_mb, h.disk_gb, h.vcpus_used, h.memory_mb_used, h.disk_gb_used,
                       h.total_workloads, h.disabled,
                       CAST(EXTRACT(EPOCH FROM (now() - h.last_heartbeat_at)) * 1000 AS bigint), a.ids
                FROM compute_hosts h
                LEFT JOIN (SELECT host, string_agg(CAST(aggregate_id AS text), ',' ORDER BY aggregate_id) AS ids
                           FROM aggregate_hosts GROUP BY host) a ON a.host = h.host
                ORDER BY h.host""").getResultList();
        Map<Integer, Map<String, String>> metadata = aggregateMetadata();
        // hosts in the same aggregates share one merged view: at most one merge per combination
        Map<String, HostAggregates> merged = new HashMap<>();
        List<HostCandidate> hosts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String aggregateIds = (String) r[10];
            HostAggregates aggregates = aggregateIds == null ? HostAggregates.NONE
                    : merged.computeIfAbsent(aggregateIds, ids -> merge(ids, metadata));
            hosts.add(toCandidate(r).withAggregates(aggregates));
        }
        return hosts;
    }

    private Map<Integer, Map<String, String>> aggregateMetadata() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT aggregate_id, key, value FROM aggregate_metadata")
                .getResultList();
        Map<Integer, Map<String, String>> byAggregate = new HashMap<>();
        for (Object[] r : rows) {
            byAggregate.computeIfAbsent(((Number) r[0]).intValue(), id -> new HashMap<>())
                    .put((String) r[1], (String) r[2]);
        }
        return byAggregate;
    }

    private static HostAggregates merge(String aggregateIds, Map<Integer, Map<String, String>> metadata) {
        List<Map<String, String>> aggregates = new ArrayList<>();
        for (String id : aggregateIds.split(",")) {
            aggregates.add(metadata.getOrDefault(Integer.valueOf(id), Map.of()));
        }
        return HostAggregates.merge(aggregates);
    }

    /** Host → the given workloads that hold a claim there; malformed uuids match nothing. */
    private Map<String, Set<String>> hostsOf(Set<String> workloads) {
        // answer in the hint's own spelling, which the filters compare with
        Map<UUID, String> asHinted = new HashMap<>();
        for (String w : workloads) {
            try {
                asHinted.put(UUID.fromString(w), w);
            } catch (IllegalArgumentException e) {
                // names no workload, so it is on no host
            }
        }
        Map<String, Set<String>> byHost = new HashMap<>();
        if (asHinted.isEmpty()) {
            return byHost;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT host, CAST(consumer_uuid AS text) FROM allocations WHERE consumer_uuid IN (:uuids)")
                .setParameter("uuids", List.copyOf(asHinted.keySet()))
                .getResultList();
        for (Object[] r : rows) {
            byHost.computeIfAbsent((String) r[0], h -> new HashSet<>()).add(asHinted.get(UUID.fromString((String) r[1])));
        }
        return byHost;
    }

    private static HostCandidate toCandidate(Object[] r) {
        return new HostCandidate((String) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).doubleValue(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), ((Number) r[7]).intValue(), (Boolean) r[8],
                Duration.ofMillis(((Number) r[9]).longValue()));
    }
}

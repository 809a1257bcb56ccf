package io.windlass.scheduler.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.scheduler.ResourceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the hosts from {@code compute_hosts} (written by the conductor from heartbeats) with
 * their aggregates' merged metadata. A fixed number of queries whatever the number of hosts:
 * hosts with their aggregate ids and all aggregate metadata ({@link HostStateCache} re-uses
 * that for a short while), and, only when a request has same/different-host hints, the hosts of
 * the workloads it names.
 */
@ApplicationScoped
public class ComputeHostReader {
    private static final Logger LOG = Logger.getLogger(ComputeHostReader.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public ComputeHostReader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** All hosts, ordered by name, without anything request-specific. */
    @Transactional
    public List<HostCandidate> allHosts() {
        return loadHosts();
    }

    /**
     * The given hosts with the workloads named in the request's same/different-host hints that
     * each one holds; the hosts themselves when the request has no such hints (no query then).
     */
    @Transactional
    public List<HostCandidate> withHintedWorkloads(List<HostCandidate> hosts, ResourceRequest request) {
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
                       CAST(EXTRACT(EPOCH FROM (now() - h.last_heartbeat_at)) * 1000 AS bigint), a.ids,
                       CAST(h.runtimes AS text), h.free_dedicated_cpus
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
            hosts.add(toCandidate(r).withAggregates(aggregates).withEngine(engine((String) r[11], (Number) r[12])));
        }
        return hosts;
    }

    private Map<Integer, Map<String, String>> aggregateMetadata() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT aggregate_id, key, value FROM aggregate_metadata")
                .getResultList();
        Map<Integer, Map<String, String>> byAggregate = new HashMap<>();
        for (Object[] r : rows) {
            int aggregate = ((Number) r[0]).intValue();
            String key = (String) r[1];
            String value = (String) r[2];
            warnIfInvalidRatio(aggregate, key, value);
            byAggregate.computeIfAbsent(aggregate, id -> new HashMap<>()).put(key, value);
        }
        return byAggregate;
    }

    /** Once per distinct bad value: the metadata is re-read every few seconds. */
    private void warnIfInvalidRatio(int aggregate, String key, String value) {
        for (AggregateAllocationRatios ratio : AggregateAllocationRatios.values()) {
            if (ratio.key().equals(key)) {
                for (String part : HostAggregates.split(value)) {
                    if (!AggregateAllocationRatios.isValid(part) && warned.add(aggregate + "/" + key + "=" + value)) {
                        LOG.warnf("aggregate %d: ignoring %s=%s (not a non-negative number); its hosts keep the "
                                + "configured ratio unless another aggregate sets a valid one", aggregate, key, value);
                    }
                }
            }
        }
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

    /** As the agent last reported them; an agent older than the report offers the default only. */
    private EngineFeatures engine(String runtimes, Number freeDedicatedCpus) {
        if (runtimes == null) {
            return EngineFeatures.UNREPORTED;
        }
        try {
            return new EngineFeatures(Set.copyOf(Arrays.asList(json.readValue(runtimes, String[].class))),
                    freeDedicatedCpus == null ? 0 : freeDedicatedCpus.intValue());
        } catch (JsonProcessingException e) {
            LOG.warnf("compute host's runtimes %s unreadable; taken as unreported: %s", runtimes, e.getMessage());
            return EngineFeatures.UNREPORTED;
        }
    }

    private static HostCandidate toCandidate(Object[] r) {
        return new HostCandidate((String) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).doubleValue(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), ((Number) r[7]).intValue(), (Boolean) r[8],
                Duration.ofMillis(((Number) r[9]).longValue()));
    }
}

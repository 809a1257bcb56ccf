package io.windlass.hypervisor.service;

import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.host.ServiceLivenessConfig;
import io.windlass.host.service.ComputeService;
import io.windlass.hypervisor.persistence.HostedServer;
import io.windlass.hypervisor.persistence.HypervisorRecord;
import io.windlass.hypervisor.persistence.HypervisorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The compute hosts as Nova's hypervisors ({@code nova/compute/api.py} HostAPI's compute node
 * reads): paged by id, searched by name, found by id or uuid, with their servers, summed.
 */
@ApplicationScoped
public class Hypervisors {
    private final HypervisorRepository repository;
    private final ServiceLivenessConfig liveness;

    public Hypervisors(HypervisorRepository repository, ServiceLivenessConfig liveness) {
        this.repository = repository;
        this.liveness = liveness;
    }

    /**
     * Hosts in id order after the marker (a hypervisor's uuid or integer id, as Nova's
     * {@code compute_node_get_all} takes either).
     *
     * @param limit at most this many; null for all
     * @throws InvalidInputException when the marker names no host
     */
    @Transactional
    public List<Hypervisor> page(String marker, Integer limit) {
        long after = 0;
        if (marker != null) {
            after = find(marker).map(Hypervisor::id).orElseThrow(() ->
                    InvalidInputException.badRequest("marker [" + marker + "] not found"));
        }
        return hypervisors(repository.page(after, limit));
    }

    /** @throws ResourceNotFoundException when no host's name contains the pattern */
    @Transactional
    public List<Hypervisor> matching(String pattern) {
        List<Hypervisor> found = hypervisors(repository.matching(pattern));
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("NotFound", "No hypervisor matching '" + pattern
                    + "' could be found.");
        }
        return found;
    }

    /** The host a uuid or an integer id names (the caller has checked which one its version takes). */
    @Transactional
    public Optional<Hypervisor> find(String id) {
        Optional<UUID> uuid = HypervisorIds.uuidLike(id);
        if (uuid.isPresent()) {
            return repository.names().stream().filter(h -> ComputeService.uuidOf(h.host()).equals(uuid.get()))
                    .findFirst().flatMap(h -> repository.byHost(h.host())).map(this::hypervisor);
        }
        OptionalLong number = HypervisorIds.integer(id);
        return number.isEmpty() ? Optional.empty() : repository.byId(number.getAsLong()).map(this::hypervisor);
    }

    /** The host of this name. */
    @Transactional
    public Optional<Hypervisor> byHost(String host) {
        return repository.byHost(host).map(this::hypervisor);
    }

    /** The live servers on each of these hosts, by host name (hosts without any are absent). */
    @Transactional
    public Map<String, List<HostedServer>> serversOn(List<Hypervisor> hypervisors) {
        return repository.serversOn(hypervisors.stream().map(Hypervisor::hostname).toList()).stream()
                .collect(Collectors.groupingBy(HostedServer::host));
    }

    @Transactional
    public HypervisorStatistics statistics() {
        return HypervisorStatistics.of(hypervisors(repository.page(0, null)));
    }

    private List<Hypervisor> hypervisors(List<HypervisorRecord> records) {
        Instant now = Instant.now();
        return records.stream().map(r -> hypervisor(r, now)).toList();
    }

    private Hypervisor hypervisor(HypervisorRecord record) {
        return hypervisor(record, Instant.now());
    }

    private Hypervisor hypervisor(HypervisorRecord record, Instant now) {
        boolean up = record.service().up(liveness.serviceDownTime());
        return new Hypervisor(record, up, up ? HostUptime.describe(now, record.registeredAt()) : null);
    }
}

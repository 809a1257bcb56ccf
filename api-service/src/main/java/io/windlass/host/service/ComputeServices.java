package io.windlass.host.service;

import io.windlass.host.ServiceLivenessConfig;
import io.windlass.aggregate.persistence.AggregateRepository;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.api.ComputeConfig;
import io.windlass.host.persistence.ComputeHostRecord;
import io.windlass.host.persistence.ComputeHostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The compute hosts as services with zone and liveness, and the operator's enable/disable. */
@ApplicationScoped
public class ComputeServices {
    private static final Logger LOG = Logger.getLogger(ComputeServices.class);

    private final ComputeHostRepository hosts;
    private final AggregateRepository aggregates;
    private final ComputeConfig compute;
    private final ServiceLivenessConfig liveness;

    public ComputeServices(ComputeHostRepository hosts, AggregateRepository aggregates, ComputeConfig compute,
                           ServiceLivenessConfig liveness) {
        this.hosts = hosts;
        this.aggregates = aggregates;
        this.compute = compute;
        this.liveness = liveness;
    }

    @Transactional
    public List<ComputeService> list() {
        Map<String, String> zones = aggregates.zonesByHost();
        return hosts.list().stream().map(h -> service(h, zones)).toList();
    }

    @Transactional
    public Optional<ComputeService> byUuid(UUID uuid) {
        return list().stream().filter(s -> s.uuid().equals(uuid)).findFirst();
    }

    /** @throws ResourceNotFoundException when no such host */
    @Transactional
    public ComputeService setStatus(String host, boolean disabled, String reason) {
        if (!hosts.setDisabled(host, disabled, disabled ? reason : null)) {
            throw new ResourceNotFoundException("HostNotFound", "Host '" + host + "' is not a compute host.");
        }
        LOG.infof("compute service on %s %s%s", host, disabled ? "disabled" : "enabled",
                reason == null || !disabled ? "" : " (" + reason + ")");
        ComputeHostRecord record = hosts.find(host).orElseThrow();
        return service(record, aggregates.zonesByHost());
    }

    private ComputeService service(ComputeHostRecord host, Map<String, String> zones) {
        boolean up = host.secondsSilent() <= liveness.serviceDownTime().toSeconds();
        return new ComputeService(host, zones.getOrDefault(host.host(), compute.defaultAvailabilityZone()), up);
    }
}

package io.windlass.aggregate.service;

import io.windlass.aggregate.persistence.AggregateRecord;
import io.windlass.aggregate.persistence.AggregateRepository;
import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.host.persistence.ComputeHostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Nova's aggregate rules ({@code nova/compute/api.py AggregateAPI}). Every change locks the
 * aggregate row first, so concurrent requests on one aggregate are applied one after the other.
 */
@ApplicationScoped
public class AggregateService {
    private static final Logger LOG = Logger.getLogger(AggregateService.class);

    private final AggregateRepository aggregates;
    private final ComputeHostRepository hosts;

    public AggregateService(AggregateRepository aggregates, ComputeHostRepository hosts) {
        this.aggregates = aggregates;
        this.hosts = hosts;
    }

    @Transactional
    public List<AggregateRecord> list() {
        return aggregates.list();
    }

    @Transactional
    public AggregateRecord get(int id) {
        return aggregates.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public AggregateRecord create(String name, Optional<String> availabilityZone) {
        int id = aggregates.insert(UUID.randomUUID(), name)
                .orElseThrow(() -> new ConflictException("AggregateNameExists", "Aggregate " + name + " already exists."));
        availabilityZone.ifPresent(zone -> aggregates.putMetadata(id, AggregateRecord.AZ_KEY, zone));
        LOG.infof("aggregate %d (%s) created, zone %s", id, name, availabilityZone.orElse("none"));
        return get(id);
    }

    @Transactional
    public AggregateRecord update(int id, AggregateChange change) {
        AggregateRecord current = locked(id);
        if (change.name().isPresent() && !change.name().get().equals(current.name())) {
            String name = change.name().get();
            if (aggregates.nameTakenByOther(name, id) || !aggregates.rename(id, name)) {
                throw new ConflictException("AggregateNameExists", "Aggregate " + name + " already exists.");
            }
        }
        change.availabilityZone().ifPresent(zone -> applyZone(current, Optional.of(zone), "update aggregate"));
        aggregates.touch(id);
        return get(id);
    }

    @Transactional
    public void delete(int id) {
        AggregateRecord current = locked(id);
        if (!current.hosts().isEmpty()) {
            throw new InvalidInputException("InvalidAggregateActionDelete",
                    "Cannot perform action 'delete' on aggregate " + id + ". Reason: Host aggregate is not empty.");
        }
        aggregates.delete(id);
        LOG.infof("aggregate %d (%s) deleted", id, current.name());
    }

    @Transactional
    public AggregateRecord addHost(int id, String host) {
        AggregateRecord current = locked(id);
        if (!hosts.exists(host)) {
            throw new ResourceNotFoundException("ComputeHostNotFound", "Compute host " + host + " could not be found.");
        }
        if (current.hosts().contains(host)) {
            throw hostExists(id, host);
        }
        String zone = current.availabilityZone();
        if (zone != null) {
            conflictingZone(host, id, zone).ifPresent(other -> {
                throw new ConflictException("InvalidAggregateActionAdd", "Cannot add host to aggregate " + id
                        + ". Reason: One or more hosts already in availability zone(s) " + other + ".");
            });
        }
        // the row lock makes this the only writer, but a PK-guarded insert keeps it exact regardless
        if (!aggregates.addHost(id, host)) {
            throw hostExists(id, host);
        }
        LOG.infof("host %s added to aggregate %d (%s)", host, id, current.name());
        return get(id);
    }

    @Transactional
    public AggregateRecord removeHost(int id, String host) {
        AggregateRecord current = locked(id);
        if (!aggregates.removeHost(id, host)) {
            throw new ResourceNotFoundException("AggregateHostNotFound",
                    "Cannot remove host " + host + " in aggregate " + id);
        }
        LOG.infof("host %s removed from aggregate %d (%s)", host, id, current.name());
        return get(id);
    }

    /** Merges: a null value deletes the key, others are set. */
    @Transactional
    public AggregateRecord setMetadata(int id, Map<String, Optional<String>> metadata) {
        AggregateRecord current = locked(id);
        metadata.forEach((key, value) -> {
            if (key.equals(AggregateRecord.AZ_KEY)) {
                applyZone(current, value, "update aggregate metadata");
            } else if (value.isPresent()) {
                aggregates.putMetadata(id, key, value.get());
            } else {
                aggregates.deleteMetadata(id, key);
            }
        });
        aggregates.touch(id);
        return get(id);
    }

    private void applyZone(AggregateRecord current, Optional<String> zone, String action) {
        if (zone.isEmpty()) {
            aggregates.deleteMetadata(current.id(), AggregateRecord.AZ_KEY);
            return;
        }
        for (String host : current.hosts()) {
            conflictingZone(host, current.id(), zone.get()).ifPresent(other -> {
                throw new InvalidInputException("InvalidAggregateActionUpdate", "Cannot " + action + " "
                        + current.id() + ". Reason: One or more hosts already in availability zone(s) " + other + ".");
            });
        }
        aggregates.putMetadata(current.id(), AggregateRecord.AZ_KEY, zone.get());
    }

    /** A zone other than {@code zone} that another aggregate already gives to the host. */
    private Optional<String> conflictingZone(String host, int id, String zone) {
        return aggregates.zonesOfHostElsewhere(host, id).values().stream().filter(z -> !z.equals(zone)).findFirst()
                .map(z -> "['" + z + "']");
    }

    private AggregateRecord locked(int id) {
        if (!aggregates.lock(id)) {
            throw notFound(id);
        }
        return get(id);
    }

    private static ConflictException hostExists(int id, String host) {
        return new ConflictException("AggregateHostExists", "Aggregate " + id + " already has host " + host + ".");
    }

    static ResourceNotFoundException notFound(int id) {
        return new ResourceNotFoundException("AggregateNotFound", "Aggregate " + id + " could not be found.");
    }
}

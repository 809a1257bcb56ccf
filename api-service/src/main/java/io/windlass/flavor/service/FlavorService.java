package io.windlass.flavor.service;

import io.windlass.api.error.ConflictException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.flavor.persistence.FlavorQuery;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.flavor.persistence.FlavorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Flavor use cases (Nova's flavors, flavor_manage, flavors_extraspecs and flavor_access
 * controllers). Authorization happens here, visibility through {@link FlavorLookup}.
 */
@ApplicationScoped
public class FlavorService {
    private static final Logger LOG = Logger.getLogger(FlavorService.class);

    private final FlavorRepository repository;
    private final FlavorLookup lookup;
    private final ComputePolicy policy;

    public FlavorService(FlavorRepository repository, FlavorLookup lookup, ComputePolicy policy) {
        this.repository = repository;
        this.lookup = lookup;
        this.policy = policy;
    }

    /**
     * One page. {@code isPublic} is Nova's tri-state filter (true, false, null for all) and
     * only applies to callers the base flavor-access rule admits; everyone else sees the
     * enabled public flavors plus the private ones their project may use.
     *
     * @param marker the flavor id of the previous page's last entry, or null
     */
    public List<FlavorRecord> list(RequestContext caller, Optional<Boolean> isPublic, Integer minRam, Integer minDisk,
                                   String sortColumn, boolean ascending, String marker, int limit) {
        boolean privileged = policy.allows(ComputePolicy.FLAVOR_ACCESS, caller);
        FlavorQuery.Visibility visibility = !privileged ? FlavorQuery.Visibility.PUBLIC_OR_ACCESSIBLE
                : isPublic.map(p -> p ? FlavorQuery.Visibility.PUBLIC : FlavorQuery.Visibility.PRIVATE)
                .orElse(FlavorQuery.Visibility.ALL);
        Long markerId = null;
        if (marker != null) {
            markerId = repository.findByFlavorId(marker).filter(f -> lookup.maySee(caller, f))
                    .map(FlavorRecord::internalId)
                    .orElseThrow(() -> new InvalidInputException("MarkerNotFound", "marker [" + marker + "] not found"));
        }
        return repository.page(new FlavorQuery(visibility, caller.projectId(), !privileged, minRam, minDisk,
                sortColumn, ascending, markerId, limit));
    }

    public FlavorRecord show(RequestContext caller, String flavorId) {
        return lookup.visible(caller, flavorId);
    }

    @Transactional
    public FlavorRecord create(RequestContext caller, NewFlavor request) {
        policy.authorize(ComputePolicy.FLAVOR_CREATE, caller);
        String id = request.flavorId() != null ? request.flavorId() : UUID.randomUUID().toString();
        FlavorRecord row = new FlavorRecord(0, id, request.name(), request.vcpus(), request.memoryMb(),
                request.rootGb(), request.ephemeralGb(), request.swapMb(), request.rxtxFactor(), request.isPublic(),
                false, request.description(), Map.of(), Instant.now());
        Optional<String> clash = repository.insert(row);
        if (clash.isPresent()) {
            throw clash.get().equals("id")
                    ? new ConflictException("FlavorIdExists", "Flavor with ID " + id + " already exists.")
                    : new ConflictException("FlavorExists", "Flavor with name " + request.name() + " already exists.");
        }
        LOG.infof("flavor %s (%s) created: %d vCPU, %d MiB, %d GiB, public=%s", id, request.name(), request.vcpus(),
                request.memoryMb(), request.rootGb(), request.isPublic());
        return repository.findByFlavorId(id).orElseThrow();
    }

    @Transactional
    public void delete(RequestContext caller, String flavorId) {
        policy.authorize(ComputePolicy.FLAVOR_DELETE, caller);
        FlavorRecord flavor = repository.findByFlavorId(flavorId).orElseThrow(() -> FlavorLookup.notFound(flavorId));
        // servers keep their own copy of the flavor, so nothing else changes
        repository.delete(flavor.internalId());
        LOG.infof("flavor %s (%s) deleted", flavorId, flavor.name());
    }

    @Transactional
    public FlavorRecord updateDescription(RequestContext caller, String flavorId, String description) {
        policy.authorize(ComputePolicy.FLAVOR_UPDATE, caller);
        FlavorRecord flavor = repository.findByFlavorId(flavorId).orElseThrow(() -> FlavorLookup.notFound(flavorId));
        repository.updateDescription(flavor.internalId(), description);
        return repository.findByFlavorId(flavorId).orElseThrow();
    }

    public Map<String, String> extraSpecs(RequestContext caller, String flavorId) {
        policy.authorize(ComputePolicy.FLAVOR_EXTRA_SPECS_INDEX, caller);
        return lookup.visible(caller, flavorId).extraSpecs();
    }

    public String extraSpec(RequestContext caller, String flavorId, String key) {
        policy.authorize(ComputePolicy.FLAVOR_EXTRA_SPECS_SHOW, caller);
        String value = lookup.visible(caller, flavorId).extraSpecs().get(key);
        if (value == null) {
            throw missingSpec(flavorId, key);
        }
        return value;
    }

    /** {@code rule} is the create (POST, merge) or update (PUT one key) rule. */
    @Transactional
    public void mergeExtraSpecs(RequestContext caller, String rule, String flavorId, Map<String, String> specs) {
        policy.authorize(rule, caller);
        FlavorRecord flavor = lookup.visible(caller, flavorId);
        repository.mergeExtraSpecs(flavor.internalId(), specs);
    }

    @Transactional
    public void deleteExtraSpec(RequestContext caller, String flavorId, String key) {
        policy.authorize(ComputePolicy.FLAVOR_EXTRA_SPECS_DELETE, caller);
        FlavorRecord flavor = lookup.visible(caller, flavorId);
        if (!repository.removeExtraSpec(flavor.internalId(), key)) {
            throw missingSpec(flavorId, key);
        }
    }

    public List<String> accessList(RequestContext caller, String flavorId) {
        policy.authorize(ComputePolicy.FLAVOR_ACCESS, caller);
        FlavorRecord flavor = lookup.visible(caller, flavorId);
        if (flavor.isPublic()) {
            throw new ResourceNotFoundException("FlavorAccessNotFound", "Access list not available for public flavors.");
        }
        return repository.accessList(flavor.internalId());
    }

    @Transactional
    public List<String> addAccess(RequestContext caller, String flavorId, String projectId) {
        policy.authorize(ComputePolicy.FLAVOR_ACCESS_ADD, caller);
        FlavorRecord flavor = lookup.visible(caller, flavorId);
        if (flavor.isPublic()) {
            throw new ConflictException("FlavorAccessExists", "Can not add access to a public flavor.");
        }
        if (!repository.addAccess(flavor.internalId(), projectId)) {
            throw new ConflictException("FlavorAccessExists", "Flavor access already exists for flavor " + flavorId
                    + " and project " + projectId + " combination.");
        }
        return repository.accessList(flavor.internalId());
    }

    @Transactional
    public List<String> removeAccess(RequestContext caller, String flavorId, String projectId) {
        policy.authorize(ComputePolicy.FLAVOR_ACCESS_REMOVE, caller);
        FlavorRecord flavor = lookup.visible(caller, flavorId);
        if (!repository.removeAccess(flavor.internalId(), projectId)) {
            throw new ResourceNotFoundException("FlavorAccessNotFound", "Flavor access not found for " + flavorId
                    + " / " + projectId + " combination.");
        }
        return repository.accessList(flavor.internalId());
    }

    private static ResourceNotFoundException missingSpec(String flavorId, String key) {
        return new ResourceNotFoundException("FlavorExtraSpecsNotFound", "Flavor " + flavorId
                + " has no extra specs with key " + key + ".");
    }
}

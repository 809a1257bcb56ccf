package io.windlass.flavor.service;

import io.windlass.api.error.ResourceNotFoundException;
import io.windlass.compute.policy.ComputePolicy;
import io.windlass.context.RequestContext;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.flavor.persistence.FlavorRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Which flavors a caller may see: public ones, private ones their project is on the access
 * list of, and every one for callers the base flavor-access rule lets through (admins).
 * A flavor the caller may not see answers exactly like one that does not exist.
 */
@ApplicationScoped
public class FlavorLookup {
    private final FlavorRepository repository;
    private final ComputePolicy policy;

    public FlavorLookup(FlavorRepository repository, ComputePolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    /** @throws ResourceNotFoundException Nova's {@code FlavorNotFound} when absent or hidden */
    public FlavorRecord visible(RequestContext caller, String flavorId) {
        return repository.findByFlavorId(flavorId).filter(f -> maySee(caller, f))
                .orElseThrow(() -> notFound(flavorId));
    }

    /**
     * The flavor a server boot names in {@code flavorRef}: a bare id or a URL whose last path
     * segment is the id (Nova accepts both). Empty when there is no such flavor, the caller
     * may not see it, or it is disabled (Nova refuses to boot disabled flavors as not found).
     */
    public Optional<FlavorRecord> findForBoot(String flavorRef, RequestContext caller) {
        if (flavorRef == null || flavorRef.isBlank()) {
            return Optional.empty();
        }
        String ref = flavorRef.strip();
        if (ref.endsWith("/")) {
            ref = ref.substring(0, ref.length() - 1);
        }
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        return repository.findByFlavorId(id).filter(f -> !f.disabled() && maySee(caller, f));
    }

    public boolean maySee(RequestContext caller, FlavorRecord flavor) {
        return flavor.isPublic() || policy.allows(ComputePolicy.FLAVOR_ACCESS, caller)
                || repository.accessible(flavor.internalId(), caller.projectId());
    }

    public static ResourceNotFoundException notFound(String flavorId) {
        return new ResourceNotFoundException("FlavorNotFound", "Flavor " + flavorId + " could not be found.");
    }
}

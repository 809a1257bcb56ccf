package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.flavor.service.FlavorLookup;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.migration.persistence.MigrationRepository;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import io.windlass.server.FlavorSnapshot;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Nova's resize, confirmResize and revertResize, accepted here and done by the conductor on the
 * server's own host ({@code ServerResize} there): the new flavor is recorded with the task state and
 * the cast; the server shows VERIFY_RESIZE on its new flavor until it is confirmed or reverted.
 * Moving to another host when the current one lacks room is not done: such a resize fails, and the
 * server stays as it was.
 */
@ApplicationScoped
public class ServerResizes {
    private static final Logger LOG = Logger.getLogger(ServerResizes.class);
    /** {@code @check_instance_state(vm_state=[ACTIVE, STOPPED])} on Nova's resize. */
    private static final Set<VmState> RESIZABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED);

    private final ServerActionAcceptance acceptance;
    private final ServerLookup lookup;
    private final FlavorLookup flavors;
    private final QuotaEnforcer quotas;
    private final ConductorRpcApi conductor;
    private final MigrationRepository migrations;

    public ServerResizes(ServerActionAcceptance acceptance, ServerLookup lookup, FlavorLookup flavors,
                         QuotaEnforcer quotas, ConductorRpcApi conductor, MigrationRepository migrations) {
        this.migrations = migrations;
        this.acceptance = acceptance;
        this.lookup = lookup;
        this.flavors = flavors;
        this.quotas = quotas;
        this.conductor = conductor;
    }

    /** @param diskConfig {@code OS-DCF:diskConfig} ({@code AUTO} or {@code MANUAL}) as asked, or null: kept */
    public void resize(RequestContext caller, String id, String flavorRef, String diskConfig) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.RESIZE);
        FlavorRecord flavor = flavors.findForBoot(flavorRef, caller)
                .orElseThrow(() -> InvalidInputException.badRequest("Unable to locate requested flavor."));
        if (flavor.flavorId().equals(found.flavorId)) {
            throw InvalidInputException.badRequest("When resizing, instances must change flavor!");
        }
        if (flavor.rootGb() < found.rootGb) {
            throw InvalidInputException.badRequest("Server disk was unable to be resized because: Unable to resize "
                    + "disk down.");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            requireRoom(found.projectId, QuotaResource.CORES, flavor.vcpus() - found.vcpus);
            requireRoom(found.projectId, QuotaResource.RAM, flavor.memoryMb() - found.memoryMb);
        });
        FlavorSnapshot target = new FlavorSnapshot(flavor.flavorId(), flavor.name(), flavor.vcpus(),
                flavor.memoryMb(), flavor.rootGb(), flavor.ephemeralGb(), flavor.swapMb(), flavor.extraSpecs());
        acceptance.accept(caller, id, found, "resize", RESIZABLE::contains, ServerTaskState.RESIZE_PREP, (s, ref) -> {
            s.newFlavor = target;
            if (diskConfig != null) {
                // Nova sets auto_disk_config with the resize's acceptance; a revert does not undo it
                s.diskConfig = diskConfig;
            }
            // Nova's migration record (os-migrations), moved on by the conductor as the resize goes
            migrations.recordResize(caller, s, flavor.internalId());
            conductor.resizeServer(caller, ref);
        });
        LOG.infof("server %s: resize from %s to %s requested", found.uuid, found.flavorName, flavor.name());
    }

    public void confirm(RequestContext caller, String id) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.CONFIRM_RESIZE);
        acceptance.accept(caller, id, found, "confirmResize", VmState.RESIZED::equals,
                ServerTaskState.RESIZE_CONFIRMING, (s, ref) -> {
                    migrations.mark(s.uuid, MigrationEntity.CONFIRMING);
                    conductor.confirmResize(caller, ref);
                });
    }

    public void revert(RequestContext caller, String id) {
        ServerEntity found = lookup.authorized(caller, id, ServerPolicy.REVERT_RESIZE);
        acceptance.accept(caller, id, found, "revertResize", VmState.RESIZED::equals, ServerTaskState.RESIZE_REVERTING,
                (s, ref) -> {
                    migrations.mark(s.uuid, MigrationEntity.REVERTING);
                    conductor.revertResize(caller, ref);
                });
    }

    /** Nova's resize quota check: a larger flavor needs the difference free; a smaller one frees it later. */
    private void requireRoom(String project, QuotaResource resource, long delta) {
        if (delta <= 0) {
            return;
        }
        long limit = quotas.limit(project, resource);
        double used = quotas.inUse(project, resource);
        if (limit >= 0 && used + delta > limit) {
            throw new ApiException(403, "TooManyInstances", "Quota exceeded for " + resource.key() + ": Requested "
                    + delta + ", but already used " + (long) used + " of " + limit + " " + resource.key());
        }
    }
}

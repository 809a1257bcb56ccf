package io.windlass.server.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.api.error.ApiException;
import io.windlass.api.error.InvalidInputException;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.context.RequestContext;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.flavor.service.FlavorLookup;
import io.windlass.host.persistence.ComputeHostRepository;
import io.windlass.migration.persistence.MigrationEntity;
import io.windlass.migration.persistence.MigrationRepository;
import io.windlass.quota.QuotaEnforcer;
import io.windlass.quota.QuotaResource;
import io.windlass.server.FlavorSnapshot;
import io.windlass.server.MigrateServer;
import io.windlass.server.ServerTaskState;
import io.windlass.server.VmState;
import io.windlass.server.persistence.ServerEntity;
import io.windlass.server.policy.ServerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Nova's resize, migrate (cold migration), confirmResize and revertResize, accepted here and done
 * by the conductor ({@code ServerResize} and {@code ServerMigration} there): the new flavor (a
 * migration's is the server's own) is recorded with the task state, the migration record and the
 * cast; the server shows VERIFY_RESIZE on its new flavor, and a migrated one on its new host, until
 * it is confirmed or reverted. A resize stays on the server's host when that host has room, and
 * moves to another when it has not.
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
    private final ServerPolicy policy;
    private final ComputeHostRepository hosts;

    public ServerResizes(ServerActionAcceptance acceptance, ServerLookup lookup, FlavorLookup flavors,
                         QuotaEnforcer quotas, ConductorRpcApi conductor, MigrationRepository migrations,
                         ServerPolicy policy, ComputeHostRepository hosts) {
        this.migrations = migrations;
        this.policy = policy;
        this.hosts = hosts;
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

    /**
     * Nova's {@code migrate}: the server is found first (404), then the rule (naming a host is
     * admins'), then the host named: unknown or the server's own is a 400 in Nova's words.
     *
     * @param host the host asked for (2.56), or null
     */
    public void migrate(RequestContext caller, String id, String host) {
        ServerEntity found = lookup.visible(caller, id, host == null ? ServerPolicy.MIGRATE : ServerPolicy.MIGRATE_HOST);
        policy.authorize(host == null ? ServerPolicy.MIGRATE : ServerPolicy.MIGRATE_HOST, caller, found.projectId);
        if (host != null && !hosts.exists(host)) {
            throw InvalidInputException.badRequest("Compute host " + host + " could not be found.");
        }
        if (host != null && host.equals(found.host)) {
            throw InvalidInputException.badRequest("Cannot migrate to the host where the server exists.");
        }
        FlavorSnapshot same = new FlavorSnapshot(found.flavorId, found.flavorName, found.vcpus, found.memoryMb,
                found.rootGb, found.ephemeralGb, found.swap, found.flavorExtraSpecs);
        acceptance.accept(caller, id, found, "migrate", RESIZABLE::contains, ServerTaskState.RESIZE_PREP, (s, ref) -> {
            s.newFlavor = same;
            migrations.recordMigration(caller, s);
            conductor.migrateServer(caller, new MigrateServer(ref.uuid(), host));
        });
        LOG.infof("server %s: cold migration off %s requested%s", found.uuid, found.host,
                host == null ? "" : " to " + host);
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

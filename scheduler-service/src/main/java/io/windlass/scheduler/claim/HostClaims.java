package io.windlass.scheduler.claim;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.windlass.rpc.RpcHandlerException;
import io.windlass.scheduler.ResourceRequest;
import io.windlass.scheduler.SchedulerRpcApi;
import io.windlass.scheduler.host.AggregateAllocationRatios;
import io.windlass.scheduler.host.AllocationRatios;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims in {@code allocations} and the {@code *_used} counters of {@code compute_hosts}, kept
 * in step in single transactions. Correct with several scheduler processes: a claim takes the
 * host's row lock and re-checks capacity against the committed counters
 * ({@link FirstFitClaimStatement}), and the allocation's primary key lets only one delivery of a
 * request claim.
 */
@ApplicationScoped
public class HostClaims {
    private static final Logger LOG = Logger.getLogger(HostClaims.class);

    private final EntityManager em;
    private final AllocationRatios ratios;
    private final FirstFitClaimStatement statement;

    public HostClaims(EntityManager em, AllocationRatios ratios, FirstFitClaimStatement statement) {
        this.em = em;
        this.ratios = ratios;
        this.statement = statement;
    }

    @Transactional
    public Optional<Allocation> find(UUID consumer) {
        return lookup(consumer);
    }

    private Optional<Allocation> lookup(UUID consumer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT consumer_uuid, host, vcpus, memory_mb, disk_gb FROM allocations
                WHERE consumer_uuid = :consumer""")
                .setParameter("consumer", consumer)
                .getResultList();
        return rows.stream().findFirst().map(HostClaims::toAllocation);
    }

    /**
     * Claims the request's resources on the first of {@code candidates} (in that order) with room:
     * one statement, one round trip. Candidates another claim holds locked are skipped; only when
     * that leaves nothing although some had room does a second statement wait for their locks.
     */
    public ClaimResult claim(List<String> candidates, UUID consumer, ResourceRequest request) {
        FirstFitClaimStatement.Result result = statement.execute(candidates, consumer, request,
                FirstFitClaimStatement.Mode.SKIP_LOCKED);
        if (result.claimedHost() == null && result.existingHost() == null && !result.concurrentDelivery()
                && result.candidatesWithRoom() > 0) {
            LOG.debugf("%d candidate(s) with room for %s were being claimed by others; waiting for them",
                    result.candidatesWithRoom(), consumer);
            result = statement.execute(candidates, consumer, request, FirstFitClaimStatement.Mode.WAIT);
        }
        if (result.existingHost() != null) {
            // a redelivery: the statement claimed nothing
            return new ClaimResult(ClaimResult.Outcome.ALREADY_CLAIMED, result.existingHost());
        }
        if (result.concurrentDelivery()) {
            if (QuarkusTransaction.isActive()) {
                // the failed insert aborted the transaction the claim ran in (a server group's turn), which
                // wrote nothing else: it can only roll back
                QuarkusTransaction.setRollbackOnly();
            }
            // the other delivery has committed by now (the insert waited for it to fail on the key)
            String host = QuarkusTransaction.requiringNew().call(() -> lookup(consumer))
                    .map(Allocation::host).orElse(null);
            return new ClaimResult(ClaimResult.Outcome.ALREADY_CLAIMED, host);
        }
        if (result.claimedHost() == null) {
            return new ClaimResult(ClaimResult.Outcome.NO_ROOM, null);
        }
        return new ClaimResult(ClaimResult.Outcome.CLAIMED, result.claimedHost());
    }

    /** CTE {@code ratio}: one row with {@code :host}'s effective ratios ({@link EffectiveRatioSql}). */
    private static final String EFFECTIVE_RATIOS = "WITH ratio AS (\n"
            + EffectiveRatioSql.forOneHost("ah.host = :host", ":validRatio") + ")\n";

    /** Frees the consumer's claim; nothing to do when there is none (idempotent). */
    @Transactional
    public Optional<Allocation> release(UUID consumer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                DELETE FROM allocations WHERE consumer_uuid = :consumer
                RETURNING consumer_uuid, host, vcpus, memory_mb, disk_gb""")
                .setParameter("consumer", consumer)
                .getResultList();
        Optional<Allocation> released = rows.stream().findFirst().map(HostClaims::toAllocation);
        released.ifPresent(this::giveBack);
        return released;
    }

    /** The allocation's resources are free again on its host's counters. */
    private void giveBack(Allocation a) {
        em.createNativeQuery("""
                UPDATE compute_hosts
                SET vcpus_used = GREATEST(vcpus_used - :vcpus, 0), memory_mb_used = GREATEST(memory_mb_used - :memory, 0),
                    disk_gb_used = GREATEST(disk_gb_used - :disk, 0), updated_at = now()
                WHERE host = :host""")
                .setParameter("vcpus", a.vcpus())
                .setParameter("memory", a.memoryMb())
                .setParameter("disk", a.diskGb())
                .setParameter("host", a.host())
                .executeUpdate();
    }

    /**
     * Moves the consumer's claim off {@code source} onto {@code target} when the target has room (an
     * evacuation or a cold migration), in one transaction: the target's counters grow, the allocation
     * names the target, and the source's counters shrink, unless {@code heldBy} (a cold migration) takes
     * the source's allocation over until the migration is confirmed or reverted. The allocation row is locked first, so two deliveries of the same
     * move take turns and the second finds it moved. A consumer without a claim (released meanwhile)
     * gets a new one on the target.
     *
     * @return {@link ClaimResult.Outcome#ALREADY_CLAIMED} with its host when the claim is elsewhere than
     *         on {@code source} already, {@link ClaimResult.Outcome#NO_ROOM} when the target has no room
     */
    @Transactional
    public ClaimResult move(UUID consumer, ResourceRequest request, String source, String target, UUID heldBy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT consumer_uuid, host, vcpus, memory_mb, disk_gb FROM allocations
                WHERE consumer_uuid = :consumer FOR UPDATE""")
                .setParameter("consumer", consumer)
                .getResultList();
        Optional<Allocation> held = rows.stream().findFirst().map(HostClaims::toAllocation);
        if (held.isPresent() && !held.get().host().equals(source)) {
            return new ClaimResult(ClaimResult.Outcome.ALREADY_CLAIMED, held.get().host());
        }
        // the same room and effective ratios as a new claim (FirstFitClaimStatement), on one host
        int taken = em.createNativeQuery(EFFECTIVE_RATIOS + """
                UPDATE compute_hosts h
                SET vcpus_used = h.vcpus_used + :vcpus, memory_mb_used = h.memory_mb_used + :memory,
                    disk_gb_used = h.disk_gb_used + :disk, updated_at = now()
                FROM ratio r
                WHERE h.host = :host AND NOT h.disabled
                  AND h.vcpus_used + :vcpus <= h.vcpus * COALESCE(r.cpu, :cpuRatio)
                  AND h.memory_mb_used + :memory <= h.memory_mb * COALESCE(r.ram, :ramRatio)
                  AND h.disk_gb_used + :disk <= h.disk_gb * COALESCE(r.disk, :diskRatio)""")
                .setParameter("vcpus", request.vcpus())
                .setParameter("memory", request.memoryMb())
                .setParameter("disk", request.diskGb())
                .setParameter("host", target)
                .setParameter("validRatio", AggregateAllocationRatios.VALID_VALUE)
                .setParameter("cpuRatio", ratios.cpu())
                .setParameter("ramRatio", ratios.ram())
                .setParameter("diskRatio", ratios.disk())
                .executeUpdate();
        if (taken == 0) {
            return new ClaimResult(ClaimResult.Outcome.NO_ROOM, null);
        }
        // the allocation locked above is the one on the source; without one, another delivery may have
        // inserted meanwhile: then nothing is written, and rolling back lets its retry find that claim
        int recorded = em.createNativeQuery("""
                INSERT INTO allocations (consumer_uuid, consumer_type, host, project_id, vcpus, memory_mb, disk_gb,
                                         updated_at)
                VALUES (:consumer, :type, :host, :project, :vcpus, :memory, :disk, now())
                ON CONFLICT (consumer_uuid) DO UPDATE
                SET host = EXCLUDED.host, vcpus = EXCLUDED.vcpus, memory_mb = EXCLUDED.memory_mb,
                    disk_gb = EXCLUDED.disk_gb, updated_at = now()
                WHERE allocations.host = :source""")
                .setParameter("consumer", consumer)
                .setParameter("type", request.consumerType() == null ? "container" : request.consumerType())
                .setParameter("host", target)
                .setParameter("project", request.projectId())
                .setParameter("vcpus", request.vcpus())
                .setParameter("memory", request.memoryMb())
                .setParameter("disk", request.diskGb())
                .setParameter("source", source)
                .executeUpdate();
        if (recorded == 0) {
            throw new IllegalStateException("the claim of " + consumer + " was moved by another delivery meanwhile");
        }
        if (heldBy == null) {
            held.ifPresent(this::giveBack);
            LOG.infof("moved claim of %s from %s to %s", consumer, source, target);
        } else {
            // the source's counters keep it: the resources are the held claim's now
            held.ifPresent(a -> hold(a, heldBy, request.projectId()));
            LOG.infof("moved claim of %s from %s to %s; %s holds its claim on %s", consumer, source, target, heldBy,
                    source);
        }
        return new ClaimResult(ClaimResult.Outcome.CLAIMED, target);
    }

    /** {@code heldBy} takes the allocation {@code a} as it was (a redelivery finds it held already). */
    private void hold(Allocation a, UUID heldBy, String project) {
        em.createNativeQuery("""
                INSERT INTO allocations (consumer_uuid, consumer_type, host, project_id, vcpus, memory_mb, disk_gb,
                                         updated_at)
                VALUES (:consumer, 'migration', :host, :project, :vcpus, :memory, :disk, now())
                ON CONFLICT (consumer_uuid) DO NOTHING""")
                .setParameter("consumer", heldBy)
                .setParameter("host", a.host())
                .setParameter("project", project)
                .setParameter("vcpus", a.vcpus())
                .setParameter("memory", a.memoryMb())
                .setParameter("disk", a.diskGb())
                .executeUpdate();
    }

    /**
     * A reverted cold migration: the consumer's claim on the host it moved to is released and the one
     * {@code heldBy} kept on the source becomes the consumer's, in one transaction. Without a held claim
     * (returned already, or released by a confirm) nothing changes.
     *
     * @return the host the consumer's claim is on now, or empty when {@code heldBy} held nothing
     */
    @Transactional
    public Optional<String> giveBackHeld(UUID consumer, UUID heldBy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT consumer_uuid, host, vcpus, memory_mb, disk_gb FROM allocations
                WHERE consumer_uuid IN (:consumer, :heldBy) ORDER BY consumer_uuid FOR UPDATE""")
                .setParameter("consumer", consumer)
                .setParameter("heldBy", heldBy)
                .getResultList();
        Optional<Allocation> held = rows.stream().map(HostClaims::toAllocation)
                .filter(a -> a.consumerUuid().equals(heldBy)).findFirst();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        rows.stream().map(HostClaims::toAllocation).filter(a -> a.consumerUuid().equals(consumer)).findFirst()
                .ifPresent(moved -> {
                    em.createNativeQuery("DELETE FROM allocations WHERE consumer_uuid = :consumer")
                            .setParameter("consumer", consumer).executeUpdate();
                    giveBack(moved);
                });
        em.createNativeQuery("""
                UPDATE allocations SET consumer_uuid = :consumer, consumer_type = 'server', updated_at = now()
                WHERE consumer_uuid = :heldBy""")
                .setParameter("consumer", consumer)
                .setParameter("heldBy", heldBy)
                .executeUpdate();
        LOG.infof("claim of %s returned to %s (held by %s)", consumer, held.get().host(), heldBy);
        return Optional.of(held.get().host());
    }

    /**
     * Changes the consumer's claim on its current host. Shrinking always fits; growing is
     * checked against the host's room like a new claim.
     *
     * @throws RpcHandlerException {@link SchedulerRpcApi#RESOURCES_UNAVAILABLE} when the host has no room,
     *                             {@code AllocationNotFound} when the consumer holds no claim
     */
    @Transactional
    public Allocation resize(UUID consumer, double vcpus, long memoryMb) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT consumer_uuid, host, vcpus, memory_mb, disk_gb FROM allocations
                WHERE consumer_uuid = :consumer FOR UPDATE""")
                .setParameter("consumer", consumer)
                .getResultList();
        Allocation current = rows.stream().findFirst().map(HostClaims::toAllocation)
                .orElseThrow(() -> new RpcHandlerException("AllocationNotFound",
                        "No resources are claimed for " + consumer + "."));
        double vcpuDelta = vcpus - current.vcpus();
        long memoryDelta = memoryMb - current.memoryMb();
        // the same effective ratios as a new claim (aggregate metadata over configuration)
        int updated = em.createNativeQuery(EFFECTIVE_RATIOS + """
                UPDATE compute_hosts h
                SET vcpus_used = h.vcpus_used + :vcpuDelta, memory_mb_used = h.memory_mb_used + :memoryDelta,
                    updated_at = now()
                FROM ratio r
                WHERE h.host = :host
                  AND (:vcpuDelta <= 0 OR h.vcpus_used + :vcpuDelta <= h.vcpus * COALESCE(r.cpu, :cpuRatio))
                  AND (:memoryDelta <= 0 OR h.memory_mb_used + :memoryDelta <= h.memory_mb * COALESCE(r.ram, :ramRatio))""")
                .setParameter("vcpuDelta", vcpuDelta)
                .setParameter("memoryDelta", memoryDelta)
                .setParameter("host", current.host())
                .setParameter("validRatio", AggregateAllocationRatios.VALID_VALUE)
                .setParameter("cpuRatio", ratios.cpu())
                .setParameter("ramRatio", ratios.ram())
                .executeUpdate();
        if (updated == 0) {
            throw new RpcHandlerException(SchedulerRpcApi.RESOURCES_UNAVAILABLE,
                    refusal(current.host(), vcpuDelta, memoryDelta));
        }
        em.createNativeQuery("""
                UPDATE allocations SET vcpus = :vcpus, memory_mb = :memory, updated_at = now()
                WHERE consumer_uuid = :consumer""")
                .setParameter("vcpus", vcpus)
                .setParameter("memory", memoryMb)
                .setParameter("consumer", consumer)
                .executeUpdate();
        LOG.infof("resized claim of %s on %s to %.2f vCPU / %d MiB", consumer, current.host(), vcpus, memoryMb);
        return new Allocation(consumer, current.host(), vcpus, memoryMb, current.diskGb());
    }

    private String refusal(String host, double vcpuDelta, long memoryDelta) {
        Object[] row = (Object[]) em.createNativeQuery(EFFECTIVE_RATIOS + """
                SELECT h.vcpus * COALESCE(r.cpu, :cpuRatio) - h.vcpus_used,
                       h.memory_mb * COALESCE(r.ram, :ramRatio) - h.memory_mb_used
                FROM compute_hosts h, ratio r WHERE h.host = :host""")
                .setParameter("validRatio", AggregateAllocationRatios.VALID_VALUE)
                .setParameter("cpuRatio", ratios.cpu())
                .setParameter("ramRatio", ratios.ram())
                .setParameter("host", host)
                .getSingleResult();
        double freeVcpus = ((Number) row[0]).doubleValue();
        double freeMemory = ((Number) row[1]).doubleValue();
        if (memoryDelta > 0 && memoryDelta > freeMemory) {
            return String.format("Host %s has not enough memory (free %d MiB, asked %d MiB more).", host,
                    (long) Math.max(freeMemory, 0), memoryDelta);
        }
        return String.format("Host %s has not enough vCPUs (free %.2f, asked %.2f more).", host,
                Math.max(freeVcpus, 0), vcpuDelta);
    }

    private static Allocation toAllocation(Object[] r) {
        return new Allocation((UUID) r[0], (String) r[1], ((Number) r[2]).doubleValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue());
    }
}

package io.windlass.scheduler;

/**
 * Moves a workload's claim off a host: the scheduler picks another host as for a new request,
 * {@code sourceHost} excluded, and claims there, in one transaction. An evacuation releases the claim
 * on {@code sourceHost}; a cold migration keeps it, under {@code sourceHeldBy} (the migration's uuid,
 * as Nova's placement keeps the source allocation under the migration), so that a revert finds its
 * room where it left it ({@link ReturnClaim}) and a confirm releases it. A repeated request finds the
 * claim moved and answers its host; a refused one ({@link SchedulerRpcApi#NO_VALID_HOST}) leaves the
 * claim where it was.
 *
 * @param request      what the workload needs, as for {@code select_destinations}
 * @param sourceHost   the host the workload leaves
 * @param sourceHeldBy the consumer that keeps the source's claim, or null to release it (since 1.4; a
 *                     1.2 scheduler releases it whatever this says, so callers check the version first)
 */
public record MoveClaim(ResourceRequest request, String sourceHost, String sourceHeldBy) {
    /** An evacuation's move: the source's claim is released. */
    public MoveClaim(ResourceRequest request, String sourceHost) {
        this(request, sourceHost, null);
    }
}

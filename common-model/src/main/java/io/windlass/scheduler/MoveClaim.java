package io.windlass.scheduler;

/**
 * Moves a workload's claim off a host (an evacuation): the scheduler picks another host as for a new
 * request, {@code sourceHost} excluded, claims there and releases the claim on {@code sourceHost}, in
 * one transaction. A repeated request finds the claim moved and answers its host; a refused one
 * ({@link SchedulerRpcApi#NO_VALID_HOST}) leaves the claim where it was.
 *
 * @param request    what the workload needs, as for {@code select_destinations}
 * @param sourceHost the host the workload leaves
 */
public record MoveClaim(ResourceRequest request, String sourceHost) {
}

package io.windlass.scheduler;

/**
 * A reverted cold migration's claims (since 1.4): the workload's claim on the host it was moved to is
 * released, and the claim kept for it on its source under {@code heldBy} becomes its own again, in
 * one transaction. Asked again, it finds the held claim gone and changes nothing.
 *
 * @param consumerUuid the workload
 * @param heldBy       the consumer that holds the source's claim (the migration's uuid)
 */
public record ReturnClaim(String consumerUuid, String heldBy) {
}

package io.windlass.capsule;

/**
 * compute.delete_capsule: remove members, sandbox and auto-remove volumes.
 *
 * @param spec the capsule as created (the agent has no database)
 */
public record DeleteCapsule(CapsuleSpec spec) {
}

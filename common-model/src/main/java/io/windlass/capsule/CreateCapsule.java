package io.windlass.capsule;

/**
 * compute.create_capsule: realise the capsule on this host.
 *
 * @param spec the capsule
 */
public record CreateCapsule(CapsuleSpec spec) {
}

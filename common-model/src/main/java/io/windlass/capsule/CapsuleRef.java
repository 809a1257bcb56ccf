package io.windlass.capsule;

/**
 * Names one capsule (build_capsule, delete_capsule).
 *
 * @param uuid capsule uuid
 */
public record CapsuleRef(String uuid) {
}

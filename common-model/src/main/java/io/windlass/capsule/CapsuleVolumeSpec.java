package io.windlass.capsule;

/**
 * A capsule volume: a new engine volume of {@code sizeGb}, or an existing one by id.
 *
 * @param name       the template name, referenced by volume mounts
 * @param sizeGb     size of a new volume (engine volumes are not size-limited; kept for the record)
 * @param volumeId   an existing volume's id, or null for a new one
 * @param autoRemove remove the engine volume when the capsule is deleted (new volumes only)
 */
public record CapsuleVolumeSpec(String name, Integer sizeGb, String volumeId, boolean autoRemove) {
}

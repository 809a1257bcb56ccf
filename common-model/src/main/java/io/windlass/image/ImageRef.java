package io.windlass.image;

/**
 * An image Windlass is making ({@code images} row): the conductor's {@code snapshot_workload}
 * (since 1.8).
 *
 * @param imageId  the row, {@code saving}, that names the workload and the reference
 * @param rotation for Nova's createBackup: how many backups of the server of this type to keep,
 *                 this one included (older ones are deleted once it is active); null otherwise
 */
public record ImageRef(String imageId, Integer rotation) {
}

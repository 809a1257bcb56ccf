package io.windlass.image;

/**
 * Remove an image Windlass made from a host's engine (compute {@code remove_image}, a cast, since
 * 1.14): a deleted snapshot, a backup rotated out. An image a workload still runs from stays until
 * it is unused; the row is deleted either way, so the catalogue no longer shows it.
 *
 * @param reference the engine reference ({@code windlass-image/<id>:latest}, or Zun's {@code repository:tag})
 */
public record RemoveImage(String reference) {
}

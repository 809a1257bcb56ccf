package io.windlass.image;

/**
 * {@code store_image} (compute 1.22): the host pushes an image it holds into the image store
 * (conductor {@code store_image_data}), so that any host may run it from then on; a shelved
 * server's image after the shelve, as Nova's shelve uploads its snapshot to Glance.
 *
 * @param imageId   the image's row
 * @param reference the engine reference the host holds it under
 */
public record StoreImage(String imageId, String reference) {
}

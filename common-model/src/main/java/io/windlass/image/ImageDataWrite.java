package io.windlass.image;

/**
 * {@code store_image_data} (conductor 1.13): a slice of an image's archive, pushed by the host that
 * holds the image. Slices come in order; a slice at offset 0 starts the bytes anew (a host that
 * began again), one already written is ignored (a redelivery), and the last one carries the md5 of
 * the whole, which makes the image stored.
 *
 * @param md5 hex, with the last slice only
 */
public record ImageDataWrite(String imageId, long offset, byte[] data, boolean last, String md5) {
}

package io.windlass.image;

/**
 * {@code image_data} (conductor 1.13): a slice of an uploaded image's bytes, asked by the host that
 * is to run the image and holds no copy. A host reads the image slice by slice, so one message
 * never carries more than {@code length} bytes and a lost reply costs one slice, asked again.
 *
 * @param imageId the image's id (its reference is {@code windlass-image/<id>:latest})
 * @param offset  where the slice starts
 * @param length  at most this many bytes
 */
public record ImageDataRequest(String imageId, long offset, int length) {
}

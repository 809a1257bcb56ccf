package io.windlass.image;

/**
 * The answer to {@link ImageDataRequest}: the slice, and what the whole is, so that the host knows
 * when it has it all and can check it.
 *
 * @param size     the whole image's bytes
 * @param checksum the md5 of the whole, hex (Glance's {@code checksum})
 * @param data     the slice: empty at or past the end
 */
public record ImageData(long size, String checksum, byte[] data) {
}

package io.windlass.image;

/**
 * The answer to an {@link ImageDataWrite}.
 *
 * @param complete whether the image's bytes are all stored (after the last slice, or before it when
 *                 another push finished them): the host sends no more
 */
public record ImageDataStored(boolean complete) {
}

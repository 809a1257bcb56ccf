package io.windlass.image;

/**
 * What a host made of a {@link CommitWorkload}.
 *
 * @param engineId the engine's image id ({@code sha256:...})
 * @param size     bytes, as the engine measures the image
 */
public record CommittedImage(String engineId, long size) {
}

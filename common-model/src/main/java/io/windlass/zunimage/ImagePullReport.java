package io.windlass.zunimage;

/**
 * A host's outcome of a {@link PullImage} (conductor {@code report_image_pull}, a cast, since 1.12).
 *
 * @param uuid    the {@code zun_images} row
 * @param host    the reporting host
 * @param imageId the engine's id of the image ({@code sha256:...}); null when it failed
 * @param size    bytes, as the engine measures the image; null when it failed
 * @param failure why the host does not have the image, in the engine's words; null when it does
 */
public record ImagePullReport(String uuid, String host, String imageId, Long size, String failure) {

    public static ImagePullReport pulled(String uuid, String host, String imageId, long size) {
        return new ImagePullReport(uuid, host, imageId, size, null);
    }

    public static ImagePullReport failed(String uuid, String host, String failure) {
        return new ImagePullReport(uuid, host, null, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}

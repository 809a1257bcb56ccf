package io.windlass.agent.driver.docker;

/**
 * An image reference split the way the engine's pull API wants it. A reference without a
 * tag or digest means {@code :latest}, as with {@code docker run}.
 *
 * @param repository e.g. {@code busybox}, {@code registry:5000/team/app}
 * @param tag        tag, or null when {@link #digest} is set
 * @param digest     {@code sha256:...}, or null
 */
public record ImageReference(String repository, String tag, String digest) {

    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        String ref = reference.strip();
        int at = ref.indexOf('@');
        if (at >= 0) {
            return new ImageReference(ref.substring(0, at), null, ref.substring(at + 1));
        }
        // a colon before the last slash belongs to a registry port, not a tag
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            return new ImageReference(ref.substring(0, colon), ref.substring(colon + 1), null);
        }
        return new ImageReference(ref, "latest", null);
    }

    @Override
    public String toString() {
        return digest != null ? repository + "@" + digest : repository + ":" + tag;
    }
}

package io.windlass.zunimage;

/**
 * Where a pull of Zun's images API stands ({@code zun_images.status}). Zun's image has no status:
 * a failed pull there leaves the row without an engine id. Windlass says so, and why.
 */
public enum ZunImageStatus {
    /** Accepted; the host has not reported the pull yet. */
    PULLING("Pulling"),
    /** On the host: the engine's id and size are recorded. */
    PULLED("Pulled"),
    /** The host could not get the image; the reason is the engine's. */
    ERROR("Error");

    private final String value;

    ZunImageStatus(String value) {
        this.value = value;
    }

    /** As the API and the column spell it: {@code Pulled}. */
    public String value() {
        return value;
    }

    public static ZunImageStatus fromValue(String value) {
        for (ZunImageStatus s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a Zun image status: " + value);
    }
}

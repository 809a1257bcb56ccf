package io.windlass.agent.driver;

/** The image is not on the host and may not (pull policy never) or could not be pulled. */
public class ImageUnavailableException extends DriverException {
    private final String image;
    private final String pullFailure;

    /**
     * @param image       fully qualified reference, e.g. {@code busybox:latest}
     * @param pullFailure why the pull failed, or null when no pull was allowed
     */
    public ImageUnavailableException(String image, String pullFailure, Throwable cause) {
        super(pullFailure == null ? "Image " + image + " not found"
                : "Image " + image + " could not be pulled: " + pullFailure, cause);
        this.image = image;
        this.pullFailure = pullFailure;
    }

    public String image() {
        return image;
    }

    /** The status_reason users see: "Image busybox2:latest not found on host h1". */
    public String reasonOn(String host) {
        return pullFailure == null ? "Image " + image + " not found on host " + host
                : "Image " + image + " could not be pulled on host " + host + ": " + pullFailure;
    }
}

package io.windlass.zunimage;

/**
 * Remove an image of Zun's images API from this host's engine (compute {@code image_delete}, a
 * <b>call</b>, since 1.19; Zun's is a cast): the reference goes, and the image with it unless
 * another tag still names it. An image that is not there is no failure. The engine refuses while
 * a container (running or not) uses the image: RemoteException {@link #IN_USE} with its words;
 * another refusal is {@code EngineError}.
 *
 * @param uuid    the {@code zun_images} row, for the host's log
 * @param repo    the repository
 * @param tag     the tag
 * @param imageId the engine id the pull recorded, or null
 */
public record DeleteImage(String uuid, String repo, String tag, String imageId) {
    /** The RemoteException type of an image the engine will not remove while a container uses it (Zun's {@code Conflict}). */
    public static final String IN_USE = "Conflict";

    /** {@code repo:tag}, as the engine names the image. */
    public String reference() {
        return repo + ":" + tag;
    }
}

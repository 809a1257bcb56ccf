package io.windlass.zunimage;

import java.util.List;

/**
 * Search the registry the host's engine searches (compute {@code image_search}, a <b>call</b>, since
 * 1.19; Zun's docker image driver, {@code docker search}). RemoteException {@code EngineError} with
 * the engine's words when it cannot (no registry reachable).
 *
 * @param term       the repository to look for, without a tag
 * @param exactMatch keep only the results named exactly {@code term}
 */
public record SearchImages(String term, boolean exactMatch) {

    /** What the registry answered, in its order. */
    public record Found(List<Match> images) {
        public Found {
            images = images == null ? List.of() : List.copyOf(images);
        }
    }

    /**
     * One repository the registry knows.
     *
     * @param name        e.g. {@code busybox}
     * @param description the registry's description, or null
     * @param starCount   its stars
     * @param official    whether it is an official image
     * @param automated   whether it is an automated build
     */
    public record Match(String name, String description, int starCount, boolean official, boolean automated) {
    }
}

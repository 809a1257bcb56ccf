package io.windlass.image;

/**
 * Commit a workload's engine container to an image on its host (compute {@code commit_workload}, a
 * call, since 1.14): Nova's snapshot and backup, Zun's commit. Committing again to the same
 * reference replaces the tag, so a redelivered message makes the same image.
 *
 * @param kind      {@link #SERVER} or {@link #CONTAINER}
 * @param uuid      the workload
 * @param reference the engine reference the image gets ({@code repository:tag})
 */
public record CommitWorkload(String kind, String uuid, String reference) {
    public static final String SERVER = "server";
    public static final String CONTAINER = "container";
}

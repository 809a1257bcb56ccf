package io.windlass.container;

import java.util.Objects;

/**
 * {@code compute.container_get_archive} (1.11), a call: Zun's {@code get_archive}, a file or
 * directory of the container's file system as a tar archive.
 *
 * @param uuid     the container
 * @param path     what to copy, as the engine resolves it in the container
 * @param maxBytes the largest archive the caller takes: the answer travels in one message, so a
 *                 larger one is refused (RemoteException {@code ArchiveTooLarge}) rather than sent
 */
public record GetContainerArchive(String uuid, String path, int maxBytes) {
    public GetContainerArchive {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(path, "path");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}

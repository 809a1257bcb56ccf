package io.windlass.container;

import java.util.Objects;

/**
 * {@code compute.container_put_archive} (1.11), a call: Zun's {@code put_archive}, a tar archive
 * extracted into the container's file system.
 *
 * @param uuid the container
 * @param path the directory to extract into, which must exist in the container
 * @param data the tar archive (base64 in the message, as Jackson writes bytes)
 */
public record PutContainerArchive(String uuid, String path, byte[] data) {
    public PutContainerArchive {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(data, "data");
    }
}

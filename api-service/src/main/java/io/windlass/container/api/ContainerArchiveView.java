package io.windlass.container.api;

import io.windlass.api.microversion.ApiVersion;
import io.windlass.container.ContainerArchive;
import io.windlass.container.ContainerArchive.PathStat;

/**
 * {@code GET /containers/{id}/get_archive}: the tar archive ({@link ZunArchiveData}: base64 from 1.25)
 * and the engine's stat of the path ({@code name}, {@code size}, {@code mode}, {@code mtime},
 * {@code linkTarget}, in Docker's order).
 */
public record ContainerArchiveView(String data, PathStat stat) {

    public static ContainerArchiveView of(ContainerArchive archive, ApiVersion version) {
        return new ContainerArchiveView(ZunArchiveData.encode(archive.data(), version), archive.stat());
    }
}

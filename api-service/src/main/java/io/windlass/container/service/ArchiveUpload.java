package io.windlass.container.service;

/**
 * What {@code POST /containers/{id}/put_archive} puts.
 *
 * @param path the container's directory to extract into
 * @param data the tar archive
 */
public record ArchiveUpload(String path, byte[] data) {
}

package io.windlass.container;

import java.util.Objects;

/**
 * The answer to {@link GetContainerArchive}: the tar archive (base64 in the message, as Jackson
 * writes bytes) and what the engine says of the path.
 *
 * @param data the archive
 * @param stat the path's stat, as the engine reports it beside the archive
 */
public record ContainerArchive(byte[] data, PathStat stat) {
    public ContainerArchive {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(stat, "stat");
    }

    /**
     * Docker's {@code X-Docker-Container-Path-Stat}, which Zun answers as {@code stat}.
     *
     * @param name       the path's last element
     * @param size       its size in bytes
     * @param mode       Go's {@code os.FileMode}: permission bits and type bits (a directory has 1 &lt;&lt; 31)
     * @param mtime      its modification time, RFC 3339 as the engine writes it
     * @param linkTarget where a symbolic link points; empty otherwise
     */
    public record PathStat(String name, long size, long mode, String mtime, String linkTarget) {
    }
}

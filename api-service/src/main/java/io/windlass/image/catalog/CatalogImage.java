package io.windlass.image.catalog;

import io.windlass.image.ImageStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image Windlass knows: one present on at least one compute host, or one Windlass made from a
 * workload (a snapshot, a backup, a commit), which is {@link #made}.
 *
 * @param id        stable id: derived from the reference ({@link ImageCatalog#idOf}), or the made image's own
 * @param name      the image's name: its full engine reference ({@code busybox:latest}), or the name its maker gave
 * @param reference what the engine runs
 * @param hosts     how many hosts hold it now
 * @param firstSeen when the oldest of those hosts registered (the nearest thing to a creation time a
 *                  derived catalogue has), or when the image was made; null when unknown
 * @param made      what Windlass knows of an image it made; null for an image the hosts brought
 */
public record CatalogImage(String id, String name, String reference, int hosts, Instant firstSeen, Made made) {

    public CatalogImage(String id, String name, String reference, int hosts, Instant firstSeen) {
        this(id, name, reference, hosts, firstSeen, null);
    }

    public CatalogImage(String id, String name, String reference, int hosts) {
        this(id, name, reference, hosts, null, null);
    }

    /** What a server booted or rebuilt from it keeps of its properties ({@link StandardImageProperties}). */
    public Map<String, String> standardProperties() {
        return made == null ? Map.of() : StandardImageProperties.of(made.properties());
    }

    /** Images the hosts brought are there, so active; a made one is as its row says. */
    public ImageStatus status() {
        return made == null ? ImageStatus.ACTIVE : made.status();
    }

    /**
     * An image made from a workload ({@code images} row).
     *
     * @param owner      the owning project
     * @param properties Glance's additional properties ({@code image_type}, {@code instance_uuid}, ...)
     * @param size       bytes, once active
     * @param host       the host that holds it, once active; null for an upload, which no host holds
     * @param containerFormat Glance's, as declared or, for a workload's image, derived; null for a snapshot
     *                   (Nova leaves it unset until its upload says it)
     * @param diskFormat likewise
     * @param checksum   md5 of the uploaded bytes; null for a workload's image (its bytes are the engine's)
     * @param osHashValue their sha512
     * @param uploaded   whether it came from Glance's create and upload rather than from a workload
     * @param protectedImage Glance's {@code protected}: not to be deleted
     */
    public record Made(ImageStatus status, String owner, String visibility, int minRam, int minDisk, Long size,
                       Map<String, String> properties, Instant updatedAt, String host, String containerFormat,
                       String diskFormat, String checksum, String osHashValue, List<String> tags, boolean uploaded,
                       boolean protectedImage) {
    }
}

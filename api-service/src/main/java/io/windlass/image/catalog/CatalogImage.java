package io.windlass.image.catalog;

import java.time.Instant;

/**
 * An image Windlass knows: one present on at least one compute host.
 *
 * @param id        stable id derived from the reference ({@link ImageCatalog#idOf})
 * @param name      the image's name, which is its full engine reference ({@code busybox:latest})
 * @param reference what the engine runs
 * @param hosts     how many hosts hold it now
 * @param firstSeen when the oldest of those hosts registered (the nearest thing to a creation
 *                  time a derived catalogue has), or null when unknown
 */
public record CatalogImage(String id, String name, String reference, int hosts, Instant firstSeen) {

    public CatalogImage(String id, String name, String reference, int hosts) {
        this(id, name, reference, hosts, null);
    }
}

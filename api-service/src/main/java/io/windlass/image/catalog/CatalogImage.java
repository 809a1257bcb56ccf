package io.windlass.image.catalog;

/**
 * An image Windlass knows: one present on at least one compute host.
 *
 * @param id        stable id derived from the reference ({@link ImageCatalog#idOf})
 * @param name      the image's name, which is its full engine reference ({@code busybox:latest})
 * @param reference what the engine runs
 * @param hosts     how many hosts hold it now
 */
public record CatalogImage(String id, String name, String reference, int hosts) {
}

package io.windlass.image.api;

import io.windlass.image.catalog.CatalogImage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glance v2's image document for a catalogue image. Everything Windlass does not track has
 * Glance's value for "not set" (null sizes and checksums, 0 minimums); images are engine
 * images, so {@code container_format} is {@code docker} (one of Glance's allowed formats) and
 * {@code disk_format} {@code raw}, except for an upload, which has what its creator declared and
 * the digests of its bytes. An image the hosts brought is public and active: it exists on a
 * host; one Windlass made has its row's status, owner, visibility, size and properties.
 */
public final class ImageView {
    /** Glance prints seconds and a Z. */
    private static final DateTimeFormatter GLANCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ImageView() {
    }

    /** Glance's visibility: the hosts' images are everyone's. */
    static String visibility(CatalogImage image) {
        return image.made() == null ? "public" : image.made().visibility();
    }

    public static Map<String, Object> of(CatalogImage image) {
        CatalogImage.Made made = image.made();
        String time = time(image.firstSeen());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", image.status().value());
        view.put("visibility", visibility(image));
        view.put("protected", made != null && made.protectedImage());
        view.put("os_hidden", false);
        view.put("tags", made == null ? List.of() : made.tags());
        view.put("container_format", made == null ? "docker" : made.containerFormat());
        view.put("disk_format", made == null ? "raw" : made.diskFormat());
        view.put("size", made == null ? null : made.size());
        view.put("virtual_size", null);
        view.put("checksum", made == null ? null : made.checksum());
        view.put("os_hash_algo", made == null || made.osHashValue() == null ? null : "sha512");
        view.put("os_hash_value", made == null ? null : made.osHashValue());
        view.put("min_disk", made == null ? 0 : made.minDisk());
        view.put("min_ram", made == null ? 0 : made.minRam());
        view.put("owner", made == null ? null : made.owner());
        view.put("created_at", time);
        view.put("updated_at", made == null ? time : time(made.updatedAt()));
        if (made != null) {
            // Glance shows additional properties as members of the image itself
            made.properties().forEach(view::putIfAbsent);
        }
        view.put("self", "/v2/images/" + image.id());
        view.put("file", "/v2/images/" + image.id() + "/file");
        view.put("schema", "/v2/schemas/image");
        return view;
    }

    /** Glance's {@code timeutils.isotime}: seconds and a Z. */
    static String time(Instant instant) {
        return GLANCE_TIME.format(instant == null ? Instant.EPOCH : instant.truncatedTo(ChronoUnit.SECONDS));
    }
}

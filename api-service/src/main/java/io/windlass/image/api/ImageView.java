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
 * {@code disk_format} {@code raw}. Every image is public and active: it exists on a host.
 */
final class ImageView {
    /** Glance prints seconds and a Z. */
    private static final DateTimeFormatter GLANCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ImageView() {
    }

    static Map<String, Object> of(CatalogImage image) {
        String time = GLANCE_TIME.format(image.firstSeen() == null ? Instant.EPOCH
                : image.firstSeen().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", "active");
        view.put("visibility", "public");
        view.put("protected", false);
        view.put("os_hidden", false);
        view.put("tags", List.of());
        view.put("container_format", "docker");
        view.put("disk_format", "raw");
        view.put("size", null);
        view.put("virtual_size", null);
        view.put("checksum", null);
        view.put("os_hash_algo", null);
        view.put("os_hash_value", null);
        view.put("min_disk", 0);
        view.put("min_ram", 0);
        view.put("owner", null);
        view.put("created_at", time);
        view.put("updated_at", time);
        view.put("self", "/v2/images/" + image.id());
        view.put("file", "/v2/images/" + image.id() + "/file");
        view.put("schema", "/v2/schemas/image");
        return view;
    }
}

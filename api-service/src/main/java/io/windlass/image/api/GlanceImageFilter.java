package io.windlass.image.api;

import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Glance v2's list filters and order ({@code glance/api/v2/images.py index}), as one decision over
 * the catalogue: {@code name}, {@code status}, {@code visibility}, {@code owner}, and any parameter
 * Glance does not know as such, which names an additional property ("flattened in v2": Tempest's
 * backup test asks {@code image_type=backup&instance_uuid=...}); an image without the property
 * does not match. {@code sort_key}/{@code sort_dir} order the list (Glance's default is newest
 * first; without a sort key the catalogue's own order stays).
 */
record GlanceImageFilter(Predicate<CatalogImage> matches, Comparator<CatalogImage> order) {
    /** Glance's own list parameters: every other one is an image property. */
    private static final Set<String> PARAMETERS = Set.of("limit", "marker", "name", "status", "visibility", "owner",
            "sort_key", "sort_dir", "sort", "member_status", "tag", "os_hidden", "protected", "container_format",
            "disk_format", "size_min", "size_max", "created_at", "updated_at", "id");

    static GlanceImageFilter of(Map<String, List<String>> query) {
        Predicate<CatalogImage> matches = image -> true;
        String name = first(query, "name");
        if (name != null) {
            String normalized = ImageCatalog.normalize(name);
            matches = matches.and(i -> i.name().equals(name) || i.reference().equals(normalized));
        }
        String status = first(query, "status");
        if (status != null) {
            matches = matches.and(i -> i.status().value().equals(status));
        }
        String visibility = first(query, "visibility");
        if (visibility != null && !visibility.equals("all")) {
            matches = matches.and(i -> ImageView.visibility(i).equals(visibility));
        }
        String owner = first(query, "owner");
        if (owner != null) {
            matches = matches.and(i -> i.made() != null && owner.equals(i.made().owner()));
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey()) && !parameter.getValue().isEmpty()) {
                String key = parameter.getKey();
                String value = parameter.getValue().getFirst();
                matches = matches.and(i -> i.made() != null && value.equals(i.made().properties().get(key)));
            }
        }
        return new GlanceImageFilter(matches, order(first(query, "sort_key"), first(query, "sort_dir")));
    }

    private static Comparator<CatalogImage> order(String key, String dir) {
        if (key == null) {
            return null;
        }
        Comparator<CatalogImage> by = switch (key) {
            case "name" -> Comparator.comparing(CatalogImage::name, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "id" -> Comparator.comparing(CatalogImage::id);
            case "updated_at" -> Comparator.comparing(i -> i.made() == null ? created(i) : i.made().updatedAt());
            default -> Comparator.comparing(GlanceImageFilter::created);
        };
        by = by.thenComparing(CatalogImage::id);
        return "asc".equals(dir) ? by : by.reversed();
    }

    private static Instant created(CatalogImage image) {
        return image.firstSeen() == null ? Instant.EPOCH : image.firstSeen();
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}

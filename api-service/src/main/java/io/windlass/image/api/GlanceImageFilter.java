package io.windlass.image.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.image.catalog.CatalogImage;
import io.windlass.image.catalog.ImageCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Glance v2's list filters and order ({@code glance/api/v2/images.py RequestDeserializer.index} and
 * {@code glance/db/sqlalchemy/api.py _make_conditions_from_filters}), as one decision over the
 * catalogue: {@code name}, {@code status}, {@code visibility}, {@code owner}; {@code id},
 * {@code container_format} and {@code disk_format} with Glance's {@code in:} and {@code eq:}
 * operators; {@code size_min}/{@code size_max}; the image's own columns by equality ({@code size},
 * {@code min_ram}, {@code checksum}, ...); {@code tag}, repeatable, every one present; and any
 * parameter Glance does not know as such, which names an additional property ("flattened in v2":
 * Tempest's backup test asks {@code image_type=backup&instance_uuid=...}); an image without the
 * property does not match. {@code name} keeps Windlass's reading (a reference matches its
 * normalised form) and takes no operator: engine references contain colons.
 * <p>
 * Order: {@code sort_key}/{@code sort_dir} (each repeatable) or {@code sort=key:dir,key2}, then
 * {@code created_at} and {@code id} as Glance appends them. Without any of them the catalogue's own
 * order stays (Glance's default is newest first; a derived catalogue has no real creation order).
 * A missing value (the hosts' images have no size) sorts lowest, as in Glance on MySQL.
 */
record GlanceImageFilter(Predicate<CatalogImage> matches, Comparator<CatalogImage> order) {
    /** Glance's own list parameters: every other one is an image property. */
    private static final Set<String> PARAMETERS = Set.of("limit", "marker", "name", "status", "visibility", "owner",
            "sort_key", "sort_dir", "sort", "member_status", "tag", "os_hidden", "protected", "container_format",
            "disk_format", "size_min", "size_max", "created_at", "updated_at", "id", "size", "virtual_size",
            "min_ram", "min_disk", "checksum", "os_hash_value", "os_hash_algo");
    /** {@code RequestDeserializer._get_filters}: the visibilities a list may ask for. */
    private static final Set<String> VISIBILITIES = Set.of("community", "public", "private", "shared", "all");
    /** {@code RequestDeserializer._available_sort_keys}, in its order (its error lists them so). */
    private static final List<String> SORT_KEYS = List.of("name", "status", "container_format", "disk_format", "size",
            "id", "created_at", "updated_at");
    private static final String DEFAULT_DIR = "desc";

    static GlanceImageFilter of(Map<String, List<String>> query) {
        Predicate<CatalogImage> matches = image -> true;
        String name = first(query, "name");
        if (name != null) {
            String normalized = ImageCatalog.normalize(name);
            matches = matches.and(i -> Objects.equals(i.name(), name) || i.reference().equals(normalized));
        }
        String visibility = first(query, "visibility");
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            throw InvalidInputException.badRequest("Invalid visibility value: " + visibility);
        }
        if (visibility != null && !visibility.equals("all")) {
            matches = matches.and(i -> ImageView.visibility(i).equals(visibility));
        }
        String owner = first(query, "owner");
        if (owner != null) {
            matches = matches.and(i -> i.made() != null && owner.equals(i.made().owner()));
        }
        for (String key : List.of("id", "status", "container_format", "disk_format")) {
            String expression = first(query, key);
            if (expression != null) {
                Set<String> wanted = Set.copyOf(GlanceFilterOperator.values(expression));
                Function<CatalogImage, Object> attribute = attribute(key);
                matches = matches.and(i -> wanted.contains(String.valueOf(attribute.apply(i))));
            }
        }
        Long min = range(query, "size_min");
        if (min != null) {
            matches = matches.and(i -> size(i) != null && size(i) >= min);
        }
        Long max = range(query, "size_max");
        if (max != null) {
            matches = matches.and(i -> size(i) != null && size(i) <= max);
        }
        String protectedFilter = first(query, "protected");
        if (protectedFilter != null) {
            if (!protectedFilter.equals("true") && !protectedFilter.equals("false")) {
                throw InvalidInputException.badRequest("Invalid value '" + protectedFilter + "' for 'protected' "
                        + "filter. Valid values are 'true' or 'false'.");
            }
            boolean wanted = protectedFilter.equals("true");
            matches = matches.and(i -> (i.made() != null && i.made().protectedImage()) == wanted);
        }
        for (String key : List.of("size", "virtual_size", "min_ram", "min_disk", "checksum", "os_hash_value",
                "os_hash_algo")) {
            String value = first(query, key);
            if (value != null) {
                Function<CatalogImage, Object> attribute = attribute(key);
                // the database compares the column with the text given; a number's text is its value
                matches = matches.and(i -> attribute.apply(i) != null && value.equals(attribute.apply(i).toString()));
            }
        }
        List<String> tags = query.getOrDefault("tag", List.of()).stream().map(String::strip).toList();
        if (!tags.isEmpty()) {
            matches = matches.and(i -> i.made() != null && i.made().tags().containsAll(tags));
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey()) && !parameter.getValue().isEmpty()) {
                String key = parameter.getKey();
                String value = parameter.getValue().getFirst();
                matches = matches.and(i -> i.made() != null && value.equals(i.made().properties().get(key)));
            }
        }
        return new GlanceImageFilter(matches, order(query));
    }

    /** Glance's {@code _get_sorting_params} and the tie-breakers its database layer appends. */
    private static Comparator<CatalogImage> order(Map<String, List<String>> query) {
        List<String> keys = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        boolean classic = query.containsKey("sort_key") || query.containsKey("sort_dir");
        if (query.containsKey("sort")) {
            if (classic) {
                throw InvalidInputException.badRequest("Old and new sorting syntax cannot be combined");
            }
            for (String sort : first(query, "sort").strip().split(",", -1)) {
                int colon = sort.indexOf(':');
                String key = colon < 0 ? sort : sort.substring(0, colon);
                String dir = colon < 0 || sort.substring(colon + 1).isEmpty() ? DEFAULT_DIR
                        : sort.substring(colon + 1);
                keys.add(sortKey(key.strip()));
                dirs.add(sortDir(dir.strip()));
            }
        } else if (classic) {
            query.getOrDefault("sort_key", List.of()).forEach(k -> keys.add(sortKey(k.strip())));
            query.getOrDefault("sort_dir", List.of()).forEach(d -> dirs.add(sortDir(d.strip())));
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw InvalidInputException.badRequest("Number of sort dirs does not match the number of sort keys");
            }
        } else {
            return null;
        }
        if (keys.isEmpty()) {
            keys.add("created_at");
        }
        // one direction goes for every key and for the tie-breakers; none means Glance's desc
        String fallback = dirs.size() == 1 ? dirs.getFirst() : DEFAULT_DIR;
        while (dirs.size() < keys.size()) {
            dirs.add(fallback);
        }
        for (String tieBreaker : List.of("created_at", "id")) {
            if (!keys.contains(tieBreaker)) {
                keys.add(tieBreaker);
                dirs.add(fallback);
            }
        }
        Comparator<CatalogImage> order = null;
        for (int k = 0; k < keys.size(); k++) {
            Comparator<CatalogImage> by = by(keys.get(k));
            by = dirs.get(k).equals("asc") ? by : by.reversed();
            order = order == null ? by : order.thenComparing(by);
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<CatalogImage> by(String key) {
        Function<CatalogImage, Object> attribute = attribute(key);
        Comparator<Comparable> values = Comparator.nullsFirst(Comparator.naturalOrder());
        return Comparator.comparing(i -> (Comparable) attribute.apply(i), values);
    }

    /** An image's value of a Glance column, as its document shows it (see {@link ImageView}). */
    private static Function<CatalogImage, Object> attribute(String key) {
        return switch (key) {
            case "id" -> CatalogImage::id;
            case "name" -> CatalogImage::name;
            case "status" -> i -> i.status().value();
            case "container_format" -> i -> i.made() == null ? "docker" : i.made().containerFormat();
            case "disk_format" -> i -> i.made() == null ? "raw" : i.made().diskFormat();
            case "size" -> GlanceImageFilter::size;
            case "min_ram" -> i -> i.made() == null ? 0 : i.made().minRam();
            case "min_disk" -> i -> i.made() == null ? 0 : i.made().minDisk();
            case "checksum" -> i -> i.made() == null ? null : i.made().checksum();
            case "os_hash_value" -> i -> i.made() == null ? null : i.made().osHashValue();
            case "os_hash_algo" -> i -> i.made() == null || i.made().osHashValue() == null ? null : "sha512";
            case "created_at" -> GlanceImageFilter::created;
            case "updated_at" -> i -> i.made() == null ? created(i) : i.made().updatedAt();
            // Windlass measures no virtual size
            default -> i -> null;
        };
    }

    private static String sortKey(String key) {
        if (!SORT_KEYS.contains(key)) {
            throw InvalidInputException.badRequest("Invalid sort key: " + key + ". It must be one of the following: "
                    + String.join(", ", SORT_KEYS) + ".");
        }
        return key;
    }

    private static String sortDir(String dir) {
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw InvalidInputException.badRequest("Invalid sort direction: " + dir);
        }
        return dir;
    }

    private static Long range(Map<String, List<String>> query, String key) {
        String value = first(query, key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.badRequest("Unable to filter on a range with a non-numeric value.");
        }
    }

    private static Long size(CatalogImage image) {
        return image.made() == null ? null : image.made().size();
    }

    private static Instant created(CatalogImage image) {
        return image.firstSeen() == null ? Instant.EPOCH : image.firstSeen();
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}

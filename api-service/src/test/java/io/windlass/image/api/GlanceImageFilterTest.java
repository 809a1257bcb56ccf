package io.windlass.image.api;

import io.windlass.api.error.InvalidInputException;
import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.CatalogImage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GlanceImageFilterTest {
    private static final Instant T = Instant.parse("2026-12-05T00:00:00Z");
    private static final CatalogImage BUSYBOX = new CatalogImage("b", "busybox:latest", "busybox:latest", 1, T);

    private static CatalogImage made(String id, String name, int second, ImageStatus status, Map<String, String> props) {
        return new CatalogImage(id, name, "windlass-image/" + id + ":latest", 1, T.plusSeconds(second),
                new CatalogImage.Made(status, "p1", "private", 0, 0, null, props, T.plusSeconds(second), "h", "docker",
                "raw", null, null, List.of(), false, false));
    }

    private static List<String> ids(Map<String, List<String>> query, List<CatalogImage> images) {
        GlanceImageFilter f = GlanceImageFilter.of(query);
        var stream = images.stream().filter(f.matches());
        return (f.order() == null ? stream : stream.sorted(f.order())).map(CatalogImage::id).toList();
    }

    @Test
    void unknownParametersAreImagePropertiesAndSortKeysOrder() {
        CatalogImage daily1 = made("d1", "backup-1", 1, ImageStatus.ACTIVE, Map.of("image_type", "backup",
                "backup_type", "daily", "instance_uuid", "s"));
        CatalogImage daily2 = made("d2", "backup-2", 2, ImageStatus.ACTIVE, Map.of("image_type", "backup",
                "backup_type", "daily", "instance_uuid", "s"));
        CatalogImage weekly = made("w", "weekly", 3, ImageStatus.ACTIVE, Map.of("image_type", "backup",
                "backup_type", "weekly", "instance_uuid", "s"));
        CatalogImage saving = made("s", "saving", 4, ImageStatus.SAVING, Map.of("image_type", "backup",
                "backup_type", "daily", "instance_uuid", "s"));
        List<CatalogImage> all = List.of(BUSYBOX, daily2, weekly, saving, daily1);

        assertEquals(List.of("d1", "d2"), ids(Map.of("status", List.of("active"), "sort_key", List.of("created_at"),
                "sort_dir", List.of("asc"), "image_type", List.of("backup"), "backup_type", List.of("daily"),
                "instance_uuid", List.of("s")), all));
        assertEquals(List.of("s", "w", "d2", "d1"), ids(Map.of("image_type", List.of("backup"),
                "sort_key", List.of("created_at")), all), "newest first by default");
        assertEquals(List.of("b", "d2", "w", "s", "d1"), ids(Map.of(), all), "no sort key: the catalogue's order");
        assertEquals(List.of("b"), ids(Map.of("visibility", List.of("public")), all));
        assertEquals(List.of("d2", "w", "s", "d1"), ids(Map.of("owner", List.of("p1")), all));
        assertEquals(List.of("b"), ids(Map.of("name", List.of("busybox")), all));
    }

    private static CatalogImage upload(String id, int second, String container, String disk, Long size,
                                       List<String> tags, boolean protectedImage) {
        return new CatalogImage(id, "u-" + id, "windlass-image/" + id + ":latest", 0, T.plusSeconds(second),
                new CatalogImage.Made(ImageStatus.ACTIVE, "p1", "private", 0, 0, size, Map.of(), T.plusSeconds(second),
                null, container, disk, null, null, tags, true, protectedImage));
    }

    private static final CatalogImage AMI = upload("a", 1, "ami", "ami", 2000L, List.of("x", "y"), false);
    private static final CatalogImage BARE = upload("r", 2, "bare", "raw", 1000L, List.of("x"), true);
    private static final CatalogImage BARE_BIG = upload("g", 3, "bare", "qcow2", 3000L, List.of(), false);
    private static final List<CatalogImage> UPLOADS = List.of(BUSYBOX, AMI, BARE, BARE_BIG);

    private static List<String> ids(String parameter, String... values) {
        return ids(Map.of(parameter, List.of(values)), UPLOADS);
    }

    @Test
    void formatsSizesAndTagsFilterAsGlanceDoes() {
        assertEquals(List.of("r", "g"), ids("container_format", "bare"));
        assertEquals(List.of("a", "r", "g"), ids("container_format", "in:ami,\"bare\""), "in: takes a list");
        assertEquals(List.of("a", "r", "g"), ids("container_format", "in:ami,bare"));
        assertEquals(List.of("b"), ids("container_format", "eq:docker"), "the hosts' images are docker archives");
        assertEquals(List.of("b", "r"), ids("disk_format", "raw"));
        assertEquals(List.of("a"), ids("size", "2000"));
        assertEquals(List.of("a", "r"), ids(Map.of("size_min", List.of("1000"), "size_max", List.of("2500")), UPLOADS));
        assertEquals(List.of("a", "r"), ids("tag", "x"));
        assertEquals(List.of("a"), ids("tag", "x", "y"), "every tag must be there");
        assertEquals(List.of("r"), ids("protected", "true"));
        assertEquals(List.of("b", "a", "g"), ids("protected", "false"));
        assertEquals("Unable to filter on a range with a non-numeric value.",
                assertThrows(InvalidInputException.class, () -> ids("size_min", "big")).getMessage());
        assertEquals("Unable to filter by unknown operator 'gt'.",
                assertThrows(InvalidInputException.class, () -> ids("disk_format", "gt:raw")).getMessage());
        assertEquals("Invalid value 'yes' for 'protected' filter. Valid values are 'true' or 'false'.",
                assertThrows(InvalidInputException.class, () -> ids("protected", "yes")).getMessage());
    }

    @Test
    void sortKeysDirectionsAndTheNewSyntax() {
        assertEquals(List.of("g", "a", "r", "b"), ids("sort", "size:desc"), "no size sorts lowest");
        assertEquals(List.of("g", "a", "r", "b"), ids(Map.of("sort_key", List.of("size"), "sort_dir", List.of("desc")),
                UPLOADS));
        assertEquals(List.of("b", "r", "a", "g"), ids(Map.of("sort_key", List.of("size"), "sort_dir", List.of("asc")),
                UPLOADS));
        // two keys, one direction each; created_at breaks the container_format tie
        assertEquals(List.of("a", "g", "r", "b"), ids("sort", "container_format:asc,created_at"));
        assertEquals(List.of("a", "g", "r", "b"), ids(Map.of("sort_key", List.of("container_format", "created_at"),
                "sort_dir", List.of("asc", "desc")), UPLOADS));
        assertEquals(List.of("g", "r", "a", "b"), ids("sort_dir", "desc"), "a direction alone sorts by created_at");
        assertEquals("Invalid sort key: owner. It must be one of the following: name, status, container_format, "
                + "disk_format, size, id, created_at, updated_at.", error(Map.of("sort_key", List.of("owner"))));
        assertEquals("Invalid sort direction: up", error(Map.of("sort", List.of("name:up"))));
        assertEquals("Old and new sorting syntax cannot be combined", error(Map.of("sort", List.of("name"),
                "sort_dir", List.of("asc"))));
        assertEquals("Number of sort dirs does not match the number of sort keys", error(Map.of("sort_key",
                List.of("name"), "sort_dir", List.of("asc", "desc"))));
    }

    private static String error(Map<String, List<String>> query) {
        return assertThrows(InvalidInputException.class, () -> GlanceImageFilter.of(query)).getMessage();
    }
}

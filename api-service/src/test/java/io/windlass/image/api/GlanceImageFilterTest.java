package io.windlass.image.api;

import io.windlass.image.ImageStatus;
import io.windlass.image.catalog.CatalogImage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

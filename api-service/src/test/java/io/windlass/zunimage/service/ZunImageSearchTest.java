package io.windlass.zunimage.service;

import io.windlass.zunimage.SearchImages;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A registry's result as Zun's docker driver answers it. */
class ZunImageSearchTest {

    @Test
    void officialAndStarsGoUnderMetadata() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "busybox");
        expected.put("description", "Busybox base image.");
        expected.put("is_automated", false);
        expected.put("metadata", Map.of("is_official", true, "star_count", 3300));
        assertEquals(expected, ZunImageSearch.zunShape(new SearchImages.Match("busybox", "Busybox base image.", 3300,
                true, false)));
    }
}

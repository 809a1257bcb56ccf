package io.windlass.image.service;

import io.windlass.api.error.ApiException;
import io.windlass.image.ImageStatus;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageTransitionsTest {
    @Test
    void deactivateAndReactivateAsGlanceDoes() {
        assertEquals(ImageStatus.DEACTIVATED, ImageTransitions.deactivate(ImageStatus.ACTIVE));
        assertEquals(ImageStatus.DEACTIVATED, ImageTransitions.deactivate(ImageStatus.DEACTIVATED));
        assertEquals(ImageStatus.ACTIVE, ImageTransitions.reactivate(ImageStatus.DEACTIVATED));
        assertEquals(ImageStatus.ACTIVE, ImageTransitions.reactivate(ImageStatus.ACTIVE));
        ApiException e = assertThrows(ApiException.class, () -> ImageTransitions.deactivate(ImageStatus.QUEUED));
        assertEquals(403, e.status());
        assertEquals("Not allowed to deactivate image in status 'queued'", e.getMessage());
        assertEquals("Not allowed to reactivate image in status 'saving'",
                assertThrows(ApiException.class, () -> ImageTransitions.reactivate(ImageStatus.SAVING)).getMessage());
    }

    @Test
    void tagsAreASetUpToGlancesQuota() {
        List<String> tags = List.of("a");
        assertSame(tags, ImageTransitions.withTag(tags, "a", "i"));
        assertEquals(List.of("a", "b"), ImageTransitions.withTag(tags, "b", "i"));
        List<String> full = IntStream.range(0, 128).mapToObj(Integer::toString).toList();
        ApiException e = assertThrows(ApiException.class, () -> ImageTransitions.withTag(full, "x", "i"));
        assertEquals(413, e.status());
        assertEquals("Image tag limit exceeded for image i: The limit has been exceeded on the number of allowed "
                + "image tags. Attempted: 129, Maximum: 128:", e.getMessage());
        assertEquals(Collections.nCopies(1, "x"), ImageTransitions.withTag(List.of(), "x", "i"));
    }
}

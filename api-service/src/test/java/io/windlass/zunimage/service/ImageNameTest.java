package io.windlass.zunimage.service;

import io.windlass.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zun's parse_image_name for the docker driver, in the engine's reference grammar. */
class ImageNameTest {

    @Test
    void aTagIsSplitOffAndLatestIsTheDefault() {
        assertEquals(new ImageName("busybox", "latest", null), ImageName.parse("repo", "busybox"));
        assertEquals(new ImageName("busybox", "1.36", null), ImageName.parse("repo", "busybox:1.36"));
        assertEquals(new ImageName("team/app", "v1", null), ImageName.parse("repo", "team/app:v1"));
    }

    @Test
    void aRegistryIsAFirstComponentThatLooksLikeAHost() {
        ImageName withPort = ImageName.parse("repo", "registry.example:5000/team/app:v2");
        assertEquals(new ImageName("registry.example:5000/team/app", "v2", "registry.example:5000"), withPort);
        assertEquals("team/app", withPort.path());
        assertEquals("localhost", ImageName.parse("repo", "localhost/app").domain());
        assertEquals(null, ImageName.parse("repo", "library/busybox").domain());
        assertEquals("library/busybox", ImageName.parse("repo", "library/busybox").path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Busy Box", "BusyBox", "busybox:", "busybox:-x", "/busybox", "busybox/", "Team/app",
            "team//app"})
    void whatTheEngineWouldNotReadIsRefusedNamingTheField(String reference) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageName.parse("repo", reference));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Invalid input for field 'repo'.Value: '" + reference + "'."),
                e.getMessage());
    }

    @Test
    void aDigestAndTheCataloguesOwnRepositoryAreRefused() {
        InvalidInputException digest = assertThrows(InvalidInputException.class,
                () -> ImageName.parse("repo", "busybox@sha256:" + "ab".repeat(32)));
        assertTrue(digest.getMessage().startsWith("Field 'repo' is not supported by this deployment"),
                digest.getMessage());
        assertThrows(InvalidInputException.class, () -> ImageName.parse("repo", "windlass-image/x:latest"));
    }
}

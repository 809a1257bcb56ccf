package io.windlass.agent.driver.docker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "busybox, busybox:latest",
        "busybox:1.36, busybox:1.36",
        "registry:5000/team/app, registry:5000/team/app:latest",
        "registry:5000/team/app:v2, registry:5000/team/app:v2",
        "app@sha256:abc, app@sha256:abc",
    })
    void referenceWithoutTagMeansLatest(String given, String resolved) {
        assertEquals(resolved, ImageReference.parse(given).toString());
    }
}

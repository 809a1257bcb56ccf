package io.windlass.zunimage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.ZunImageRows;
import io.windlass.zunimage.ZunImageStatus;
import io.windlass.zunimage.persistence.ZunImageEntity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Half-way through a rolling upgrade (conductors capped below 1.12, agents below 1.19): Zun's images
 * API refuses what the older services cannot do, 409 UnsupportedRPCVersion, with nothing written or lost.
 */
@QuarkusTest
@TestProfile(ZunImagesCappedIT.OlderServices.class)
class ZunImagesCappedIT {
    private static final String HOST = "capped-image-host";
    private static final String IMAGES = "/container/v1/images";

    public static class OlderServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windlass.rpc.version-cap.conductor", "1.11", "windlass.rpc.version-cap.compute", "1.18");
        }
    }

    @Inject
    ComputeHostRows hosts;
    @Inject
    ZunImageRows rows;

    @Test
    void pullDeleteAndARegistrySearchWaitForTheNewerServices() {
        hosts.insertHostWithImages(HOST, List.of("busybox:latest"));
        long before = rows.count();
        given().contentType("application/json").body(Map.of("repo", "busybox", "host", HOST)).post(IMAGES).then()
                .statusCode(409).body("errors[0].detail", containsString("image_pull"));
        assertEquals(before, rows.count(), "no row without its cast");

        ZunImageEntity pulled = rows.insert("default", "team/app", "v1", HOST, ZunImageStatus.PULLED);
        given().delete(IMAGES + "/" + pulled.uuid).then().statusCode(409)
                .body("errors[0].detail", containsString("image_delete"));
        assertTrue(rows.find(pulled.uuid).isPresent());
        given().get(IMAGES + "/busybox/search").then().statusCode(409);
        // the catalogue needs no newer service
        given().queryParam("image_driver", "glance").get(IMAGES + "/busybox/search").then().statusCode(200);
    }
}

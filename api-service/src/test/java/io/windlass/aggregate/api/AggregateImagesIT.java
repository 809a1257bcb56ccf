package io.windlass.aggregate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.image.CacheImages;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.RpcQueueProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /os-aggregates/{id}/images (2.81): validation, and the cast the conductor receives. */
@QuarkusTest
class AggregateImagesIT {
    @Inject
    ComputeHostRows rows;
    @Inject
    ObjectMapper json;

    private int id;

    @BeforeEach
    void aggregate() {
        rows.clear();
        id = given().contentType("application/json").body(Map.of("aggregate", Map.of("name", "cache-agg")))
                .when().post("/compute/v2.1/os-aggregates").then().statusCode(200).extract().path("aggregate.id");
    }

    private static io.restassured.response.ValidatableResponse cache(String version, int aggregate, Object body) {
        return given().header("OpenStack-API-Version", "compute " + version).contentType("application/json")
                .body(body).when().post("/compute/v2.1/os-aggregates/" + aggregate + "/images").then();
    }

    @Test
    void acceptedRequestIsCastToTheConductor() throws Exception {
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            cache("2.81", id, Map.of("cache", List.of(Map.of("id", "busybox:latest"),
                    Map.of("id", "70a599e0-31e7-49b7-b260-868f441e862b"))))
                    .statusCode(202).body(emptyString());
            Envelope cast = conductor.next(Duration.ofSeconds(5)).envelope();
            assertEquals(ConductorRpcApi.CACHE_IMAGES.name(), cast.method());
            assertEquals("1.1", cast.version(), "cast at the version that introduced cache_images, served by any 1.1+ conductor");
            CacheImages payload = json.convertValue(cast.args(), CacheImages.class);
            assertEquals(new CacheImages(id, "cache-agg", List.of("busybox:latest",
                    "70a599e0-31e7-49b7-b260-868f441e862b")), payload);
        }
    }

    @Test
    void catalogueIdsAreSentAsTheReferenceTheyStandFor() throws Exception {
        rows.insertHostWithImages("cache-host", List.of("busybox"));
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            cache("2.81", id, Map.of("cache", List.of(Map.of("id", ImageCatalog.idOf("busybox:latest")),
                    Map.of("id", "nginx:1.25")))).statusCode(202);
            CacheImages payload = json.convertValue(conductor.next(Duration.ofSeconds(5)).envelope().args(),
                    CacheImages.class);
            assertEquals(List.of("busybox:latest", "nginx:1.25"), payload.images());
        }
    }

    @Test
    void belowMicroversion281TheRouteDoesNotExist() {
        cache("2.80", id, Map.of("cache", List.of(Map.of("id", "busybox:latest"))))
                .statusCode(404).body("itemNotFound.message", equalTo("The resource could not be found."));
    }

    @Test
    void badBodiesAndUnknownAggregate() throws Exception {
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            cache("2.81", id, Map.of("cache", List.of())).statusCode(400)
                    .body("badRequest.message", containsString("cache"));
            cache("2.81", id, Map.of("cache", List.of(Map.of("id", "a"), Map.of("id", "a")))).statusCode(400)
                    .body("badRequest.message", equalTo("Duplicate images in request"));
            cache("2.81", id, Map.of("cache", List.of(Map.of("id", "a")), "more", 1)).statusCode(400)
                    .body("badRequest.message", containsString("'more' was unexpected"));
            cache("2.81", id, Map.of("cache", List.of(Map.of("id", "a", "name", "b")))).statusCode(400)
                    .body("badRequest.message", containsString("cache/0"));
            cache("2.81", 9999, Map.of("cache", List.of(Map.of("id", "a")))).statusCode(404)
                    .body("itemNotFound.message", equalTo("Aggregate 9999 could not be found."));
            assertTrue(conductor.drain().isEmpty(), "nothing cast for rejected requests");
        }
    }
}

package io.windlass.zunimage.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.compute.ComputeRpcApi;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.Envelope;
import io.windlass.testing.ComputeHostRows;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.StubbedHost;
import io.windlass.testing.ZunImageRows;
import io.windlass.zunimage.DeleteImage;
import io.windlass.zunimage.ImagePullRef;
import io.windlass.zunimage.SearchImages;
import io.windlass.zunimage.ZunImageStatus;
import io.windlass.zunimage.persistence.ZunImageEntity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zun's {@code /v1/images} as the admin uses it (the test profile acts as the admin of project
 * {@code default}), with the conductor and the host stood in for at the RPC edge.
 */
@QuarkusTest
class ZunImagesIT {
    private static final String HOST = "a-image-host";
    private static final String IMAGES = "/container/v1/images";

    @Inject
    ComputeHostRows hosts;
    @Inject
    ZunImageRows rows;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void oneHost() {
        hosts.clear();
        rows.clear();
        hosts.insertHostWithImages(HOST, List.of("busybox:latest"));
    }

    private static ValidatableResponse pull(Object body) {
        return given().contentType("application/json").body(body).when().post(IMAGES).then();
    }

    @Test
    void aPullIsAnswered202WithTheRowWrittenAndCastToTheConductor() throws Exception {
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            var accepted = pull(Map.of("repo", "team/tiny:v1", "host", HOST)).statusCode(202)
                    .body("repo", equalTo("team/tiny")).body("tag", equalTo("v1")).body("host", equalTo(HOST))
                    .body("project_id", equalTo("default")).body("image_id", nullValue()).body("size", nullValue())
                    .body("status", equalTo("Pulling")).body("status_reason", nullValue())
                    .body("links[0].rel", equalTo("self")).body("links[1].rel", equalTo("bookmark")).extract();
            String uuid = accepted.path("uuid");
            assertTrue(accepted.header("Location").endsWith(IMAGES + "/" + uuid), accepted.header("Location"));
            assertTrue(accepted.<String>path("links[0].href").endsWith(IMAGES + "/" + uuid));
            Envelope cast = conductor.next(Duration.ofSeconds(5)).envelope();
            assertEquals(ConductorRpcApi.IMAGE_PULL.name(), cast.method());
            assertEquals("1.12", cast.version());
            assertEquals(new ImagePullRef(uuid), json.convertValue(cast.args(), ImagePullRef.class));
            ZunImageEntity row = rows.find(UUID.fromString(uuid)).orElseThrow();
            assertEquals(ZunImageStatus.PULLING, row.status);
            assertEquals("team/tiny:v1", row.reference());
        }
        // untagged is :latest; the host by its uuid, as Zun's compute node; zunclient posts to the collection
        // URL with a trailing slash
        String hostUuid = given().header("OpenStack-API-Version", "container 1.40").get("/container/v1/hosts")
                .path("hosts.find { it.hostname == '" + HOST + "' }.uuid");
        given().contentType("application/json").body(Map.of("repo", "team/tiny", "host", hostUuid))
                .when().post(IMAGES + "/").then().statusCode(202).body("tag", equalTo("latest"))
                .body("host", equalTo(HOST));
        // Zun's uniq_image0repotaghost
        pull(Map.of("repo", "team/tiny:v1", "host", HOST)).statusCode(409)
                .body("errors[0].code", equalTo("container.image-already-exists"))
                .body("errors[0].detail", equalTo("An image with tag v1 and repo team/tiny already exists."));
    }

    @Test
    void badInputIsRefusedWithNothingWrittenAndNothingSent() throws Exception {
        try (RpcQueueProbe conductor = RpcQueueProbe.on("conductor", json)) {
            pull(Map.of("repo", "busybox", "host", "nowhere")).statusCode(400)
                    .body("errors[0].code", equalTo("container.invalid-value"))
                    .body("errors[0].detail", equalTo("The host nowhere does not exist."));
            pull(Map.of("repo", "busybox")).statusCode(400)
                    .body("errors[0].detail", containsString("'host' is a required property"));
            pull(Map.of("repo", "Busy Box", "host", HOST)).statusCode(400)
                    .body("errors[0].detail", startsWith("Invalid input for field 'repo'"));
            pull(Map.of("repo", "windlass-image/" + UUID.randomUUID() + ":latest", "host", HOST)).statusCode(400);
            pull(Map.of("repo", "busybox@sha256:" + "ab".repeat(32), "host", HOST)).statusCode(400)
                    .body("errors[0].detail", startsWith("Field 'repo' is not supported by this deployment"));
            pull(Map.of("repo", "busybox", "host", HOST, "image_pull_policy", "always")).statusCode(400);
            pull(Map.of("repo", "busybox", "host", HOST, "colour", "red")).statusCode(400);
            assertEquals(0, rows.count());
            assertTrue(conductor.drain().isEmpty(), "nothing cast");
        }
    }

    @Test
    void listPagesTheProjectsImagesAndShowIsTheSameViewAtEveryMicroversion() {
        ZunImageEntity first = rows.insert("default", "one", "latest", HOST, ZunImageStatus.PULLED);
        rows.insert("default", "two", "latest", HOST, ZunImageStatus.ERROR);
        rows.insert("default", "three", "latest", HOST, ZunImageStatus.PULLING);
        rows.insert("another", "theirs", "latest", HOST, ZunImageStatus.PULLED);
        String next = given().get(IMAGES + "/?limit=2").then().statusCode(200).body("images", hasSize(2))
                .body("images[0].uuid", equalTo(first.uuid.toString()))
                .body("images[0].size", equalTo("4404862")).body("images[0].status", equalTo("Pulled"))
                .body("next", startsWith("http")).extract().path("next");
        given().get(next.substring(next.indexOf(IMAGES))).then().statusCode(200).body("images", hasSize(1))
                .body("images[0].repo", equalTo("three")).body("next", nullValue());
        given().queryParam("sort_key", "repo").queryParam("sort_dir", "desc").get(IMAGES).then().statusCode(200)
                .body("images.repo", equalTo(List.of("two", "three", "one")));
        given().queryParam("sort_key", "size").get(IMAGES).then().statusCode(400);
        given().queryParam("limit", "0").get(IMAGES).then().statusCode(400);
        given().queryParam("marker", UUID.randomUUID().toString()).get(IMAGES).then().statusCode(404);

        Map<String, Object> oldest = given().header("OpenStack-API-Version", "container 1.1")
                .get(IMAGES + "/" + first.uuid).then().statusCode(200).extract().as(Map.class);
        Map<String, Object> newest = given().header("OpenStack-API-Version", "container 1.40")
                .get(IMAGES + "/" + first.uuid).then().statusCode(200).extract().as(Map.class);
        assertEquals(oldest, newest);
        assertEquals(Set.of("uuid", "links", "image_id", "repo", "tag", "size", "project_id", "host", "status",
                "status_reason"), newest.keySet());
        assertEquals("sha256:" + "ab".repeat(32), newest.get("image_id"));
        given().get(IMAGES + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("errors[0].code", equalTo("container.image-not-found"));
        given().get(IMAGES + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void deleteRemovesTheImageFromItsHostThenTheRow() throws Exception {
        StubbedHost host = new StubbedHost(HOST, json);
        ZunImageEntity pulled = rows.insert("default", "team/tiny", "v1", HOST, ZunImageStatus.PULLED);
        StubbedHost.Served refused = host.serve(ComputeRpcApi.IMAGE_DELETE,
                () -> given().delete(IMAGES + "/" + pulled.uuid), StubbedHost.refusal(DeleteImage.IN_USE,
                        "conflict: unable to remove repository reference \"team/tiny:v1\" (must force) - container "
                                + "0123456789ab is using its referenced image"));
        refused.response().then().statusCode(409).body("errors[0].code", equalTo("container.conflict"))
                .body("errors[0].detail", startsWith("conflict: unable to remove repository reference"));
        assertTrue(rows.find(pulled.uuid).isPresent(), "the row stays while the host keeps the image");

        StubbedHost.Served removed = host.serve(ComputeRpcApi.IMAGE_DELETE,
                () -> given().delete(IMAGES + "/" + pulled.uuid), host.answer(null));
        removed.response().then().statusCode(204);
        assertEquals(new DeleteImage(pulled.uuid.toString(), "team/tiny", "v1", pulled.imageId),
                json.convertValue(removed.args(), DeleteImage.class));
        assertTrue(rows.find(pulled.uuid).isEmpty());

        ZunImageEntity pulling = rows.insert("default", "slow", "latest", HOST, ZunImageStatus.PULLING);
        given().delete(IMAGES + "/" + pulling.uuid).then().statusCode(409)
                .body("errors[0].detail", startsWith("Image " + pulling.uuid + " is being pulled"));
        ZunImageEntity failed = rows.insert("default", "absent", "latest", HOST, ZunImageStatus.ERROR);
        try (RpcQueueProbe compute = RpcQueueProbe.on("compute." + HOST, json)) {
            given().delete(IMAGES + "/" + failed.uuid).then().statusCode(204);
            assertTrue(compute.drain().isEmpty(), "a pull that failed left nothing on the host to remove");
        }
        assertTrue(rows.find(failed.uuid).isEmpty());
        given().delete(IMAGES + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void searchAsksTheCatalogueOrAHostsRegistry() throws Exception {
        given().queryParam("image_driver", "glance").get(IMAGES + "/busybox/search").then().statusCode(200)
                .body("name", equalTo(List.of("busybox:latest"))).body("[0].container_format", equalTo("docker"));
        given().queryParam("image_driver", "glance").queryParam("exact_match", "true")
                .get(IMAGES + "/busybox:latest/search").then().statusCode(200).body("name", hasSize(1));
        given().queryParam("image_driver", "glance").get(IMAGES + "/nginx/search").then().statusCode(200)
                .body("$", hasSize(0));

        StubbedHost host = new StubbedHost(HOST, json);
        StubbedHost.Served found = host.serve(ComputeRpcApi.IMAGE_SEARCH,
                () -> given().queryParam("exact_match", "True").get(IMAGES + "/library/busybox:1.36/search"),
                host.answer(new SearchImages.Found(List.of(new SearchImages.Match("library/busybox", "Busybox base "
                        + "image.", 3300, true, false)))));
        found.response().then().statusCode(200).body("[0].name", equalTo("library/busybox"))
                .body("[0].is_automated", equalTo(false)).body("[0].metadata.is_official", equalTo(true))
                .body("[0].metadata.star_count", equalTo(3300));
        assertEquals(new SearchImages("library/busybox", true), json.convertValue(found.args(), SearchImages.class));

        host.serve(ComputeRpcApi.IMAGE_SEARCH, () -> given().queryParam("image_driver", "docker")
                        .get(IMAGES + "/busybox/search"), StubbedHost.refusal("EngineError", "Docker search images "
                        + "failed: Get \"https://index.docker.io/v1/search?q=busybox&n=25\": dial tcp: lookup "
                        + "index.docker.io: no such host")).response().then().statusCode(409)
                .body("errors[0].detail", startsWith("Docker search images failed"));

        given().queryParam("image_driver", "quay").get(IMAGES + "/busybox/search").then().statusCode(400);
        given().queryParam("exact_match", "maybe").get(IMAGES + "/busybox/search").then().statusCode(400);
        given().queryParam("colour", "red").get(IMAGES + "/busybox/search").then().statusCode(400);
        given().get(IMAGES + "/quay.io/team/app/search").then().statusCode(400)
                .body("errors[0].detail", endsWith("Image searching is not supported in registry: quay.io"));
    }
}

package io.windlass.image.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Glance v2 calls Tempest's image suite makes beyond create and upload, against real
 * PostgreSQL: the older json-patch media type, list filters and sorting, tags, protected images,
 * deactivate and reactivate, and the empty-id routes; each answer as Glance words it.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class GlanceImageCallsIT {
    private static final String V20_PATCH = "application/openstack-images-v2.0-json-patch";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ServerRows servers;

    private ProjectMember users;

    @BeforeEach
    void aProjectWithAMember() {
        users = ProjectMember.create("glance-calls");
        servers.hostWithImage("glance-calls-host");
    }

    @Test
    void theOlderPatchMediaTypeAndTheOwner() throws Exception {
        String id = create(users.member(), Map.of("name", "old-patch", "container_format", "bare",
                "disk_format", "raw", "kept", "x"));
        patch(users.member(), id, V20_PATCH, List.of(Map.of("replace", "/name", "value", "renamed"),
                Map.of("add", "/purpose", "value", "tests"), Map.of("remove", "/kept")))
                .then().statusCode(200).body("name", equalTo("renamed")).body("purpose", equalTo("tests"))
                .body("containsKey('kept')", equalTo(false));
        // draft 4's add never overwrites
        patch(users.member(), id, V20_PATCH, List.of(Map.of("add", "/purpose", "value", "again"))).then().statusCode(409)
                .body(equalTo("409 Conflict\n\nProperty purpose already present.\n"));
        patch(users.member(), id, V20_PATCH, List.of(Map.of("op", "replace", "path", "/name", "value", "x")))
                .then().statusCode(400).body(equalTo("400 Bad Request\n\nOperation objects must contain exactly one "
                        + "member named \"add\", \"remove\", or \"replace\".\n"));
        // only an admin gives an image to another project (Tempest's test_update_image_owner_param)
        String elsewhere = UUID.randomUUID().toString().replace("-", "");
        patch(users.member(), id, V20_PATCH, List.of(Map.of("replace", "/owner", "value", elsewhere)))
                .then().statusCode(403).body(equalTo("403 Forbidden\n\nOwner can't be updated by non admin.\n"));
        patch(users.admin(), id, V20_PATCH, List.of(Map.of("replace", "/owner", "value", elsewhere)))
                .then().statusCode(200).body("owner", equalTo(elsewhere));
        assertEquals(elsewhere, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select owner from images where id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()));
        given().header("X-Auth-Token", users.admin()).delete("/image/v2/images/" + id).then().statusCode(204);
    }

    @Test
    void listFiltersAndSorting() {
        String tag = "t-" + UUID.randomUUID();
        String small = uploaded(Map.of("name", "small", "container_format", "ami", "disk_format", "ami",
                "tags", List.of(tag, "small")), 100);
        String big = uploaded(Map.of("name", "big", "container_format", "ami", "disk_format", "raw",
                "tags", List.of(tag)), 300);
        String token = users.member();
        given().header("X-Auth-Token", token).get("/image/v2/images?container_format=ami").then().statusCode(200)
                .body("images.id", contains(small, big)).body("images.container_format", not(hasItem("docker")));
        given().header("X-Auth-Token", token).get("/image/v2/images?disk_format=ami").then()
                .body("images.id", contains(small));
        given().header("X-Auth-Token", token).get("/image/v2/images?size=300").then().body("images.id", contains(big));
        given().header("X-Auth-Token", token).get("/image/v2/images?size_min=50&size_max=200").then()
                .body("images.id", contains(small));
        given().header("X-Auth-Token", token).get("/image/v2/images?tag=" + tag + "&tag=small").then()
                .body("images.id", contains(small));
        given().header("X-Auth-Token", token).get("/image/v2/images?tag=" + tag + "&sort=size:desc").then()
                .body("images.id", contains(big, small));
        given().header("X-Auth-Token", token).get("/image/v2/images?tag=" + tag + "&sort_key=size&sort_dir=asc")
                .then().body("images.id", contains(small, big));
        given().header("X-Auth-Token", token).get("/image/v2/images?sort_key=owner").then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nInvalid sort key: owner. It must be one of the following: name, "
                        + "status, container_format, disk_format, size, id, created_at, updated_at.\n"));
        given().header("X-Auth-Token", token).get("/image/v2/images?sort=size:sideways").then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nInvalid sort direction: sideways\n"));
    }

    @Test
    void tagsAddedAndRemovedOneByOne() {
        String id = create(users.member(), Map.of("name", "tagged", "container_format", "bare", "disk_format", "raw"));
        String tags = "/image/v2/images/" + id + "/tags/";
        given().header("X-Auth-Token", users.member()).put(tags + "first").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).put(tags + "second").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).put(tags + "first").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then()
                .body("tags", contains("first", "second"));
        given().header("X-Auth-Token", users.member()).delete(tags + "first").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).delete(tags + "first").then().statusCode(404)
                .body(equalTo("404 Not Found\n\nThe resource could not be found.\n"));
        given().header("X-Auth-Token", users.member()).put(tags + "x".repeat(256)).then().statusCode(400);
        given().header("X-Auth-Token", ProjectMember.create("glance-calls-other").member()).put(tags + "theirs")
                .then().statusCode(404).body(equalTo("404 Not Found\n\nImage " + id + " not found.\n"));
        assertEquals("[\"second\"]", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select tags::text from images where id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()));
    }

    @Test
    void aProtectedImageIsNotDeleted() throws Exception {
        String id = create(users.member(), Map.of("name", "kept", "protected", true));
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then()
                .body("protected", equalTo(true));
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nImage " + id + " is protected and cannot be deleted.\n"));
        given().header("X-Auth-Token", users.admin()).delete("/image/v2/images/" + id).then().statusCode(403);
        patch(users.member(), id, "application/openstack-images-v2.1-json-patch",
                List.of(Map.of("op", "replace", "path", "/protected", "value", false)))
                .then().statusCode(200).body("protected", equalTo(false));
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(204);
    }

    @Test
    void aDeactivatedImageIsNeitherDownloadedNorBooted() {
        byte[] data = {1, 2, 3, 4};
        String id = create(users.member(), Map.of("name", "deactivated", "container_format", "docker",
                "disk_format", "raw"));
        String actions = "/image/v2/images/" + id + "/actions/";
        given().header("X-Auth-Token", users.member()).post(actions + "deactivate").then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nNot allowed to deactivate image in status 'queued'\n"));
        given().header("X-Auth-Token", users.member()).contentType("application/octet-stream").body(data)
                .put("/image/v2/images/" + id + "/file").then().statusCode(204);
        // another project's member sees nothing to act on
        given().header("X-Auth-Token", ProjectMember.create("glance-calls-else").member()).post(actions + "deactivate")
                .then().statusCode(404);

        given().header("X-Auth-Token", users.member()).post(actions + "deactivate").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).post(actions + "deactivate").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then()
                .body("status", equalTo("deactivated"));
        given().header("X-Auth-Token", users.member()).accept("application/json").get("/image/v2/images/" + id + "/file")
                .then().statusCode(403).body(equalTo("403 Forbidden\n\nThe requested image has been deactivated. "
                        + "Image data download is forbidden.\n"));
        given().header("X-Auth-Token", users.admin()).get("/image/v2/images/" + id + "/file").then().statusCode(200);
        given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.37")
                .contentType("application/json").body(Map.of("server", Map.of("name", "from-deactivated",
                        "flavorRef", "0", "imageRef", id, "networks", "none")))
                .post("/compute/v2.1/servers").then().statusCode(400)
                .body("badRequest.message", equalTo("Image " + id + " is not active."));

        given().header("X-Auth-Token", users.member()).post(actions + "reactivate").then().statusCode(204);
        // Tempest downloads asking for JSON: Glance answers the bytes all the same
        Response download = given().header("X-Auth-Token", users.member()).accept("application/json")
                .get("/image/v2/images/" + id + "/file");
        download.then().statusCode(200).contentType("application/octet-stream");
        assertArrayEquals(data, download.asByteArray());
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then()
                .body("status", equalTo("active"));
    }

    @Test
    void anEmptyIdIsNoImage() {
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/").then().statusCode(404);
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/").then().statusCode(404);
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images").then().statusCode(405);
        given().header("X-Auth-Token", users.member()).get("/image/v2/images").then().statusCode(200);
    }

    private String create(String token, Map<String, Object> body) {
        return given().header("X-Auth-Token", token).contentType("application/json").body(body)
                .post("/image/v2/images").then().statusCode(201).extract().path("id");
    }

    private String uploaded(Map<String, Object> body, int size) {
        String id = create(users.member(), body);
        given().header("X-Auth-Token", users.member()).contentType("application/octet-stream").body(new byte[size])
                .put("/image/v2/images/" + id + "/file").then().statusCode(204);
        return id;
    }

    private Response patch(String token, String id, String type, List<Map<String, Object>> operations)
            throws Exception {
        return given().header("X-Auth-Token", token).header("Content-Type", type)
                .body(json.writeValueAsBytes(operations)).patch("/image/v2/images/" + id);
    }
}

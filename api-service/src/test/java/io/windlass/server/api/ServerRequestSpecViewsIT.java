package io.windlass.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * What compute 2.96, 2.98 and 2.100 add to a server's show, detail, update and rebuild answers: the zone
 * and the scheduler hints it was asked with (Nova's request spec, not where it landed), and the standard
 * properties of its image as they were at boot; none of them before their version.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerRequestSpecViewsIT {
    private static final String HOST = "spec-views-host";

    @Inject
    EntityManager em;
    @Inject
    ServerRows servers;

    private ProjectMember users;

    @BeforeEach
    void aProjectWithAMember() {
        users = ProjectMember.create("spec-views");
        servers.hostWithImage(HOST);
    }

    /** A snapshot of the project's, on the host: Nova keeps os_distro of it, not its own image_type. */
    private UUID madeImage(Map<String, String> properties) {
        UUID image = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into images (id, name, reference, "
                        + "status, owner, source_kind, source_uuid, properties, min_disk, created_at, updated_at, host) "
                        + "values (?1, 'snap', ?2, 'active', ?3, 'server', ?4, cast(?5 as jsonb), 0, now(), now(), ?6)")
                .setParameter(1, image).setParameter(2, "windlass-image/" + image).setParameter(3, users.project())
                .setParameter(4, UUID.randomUUID()).setParameter(5, json(properties)).setParameter(6, HOST)
                .executeUpdate());
        return image;
    }

    private static String json(Map<String, String> properties) {
        StringBuilder out = new StringBuilder("{");
        properties.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return out.append('}').toString();
    }

    private ValidatableResponse get(String version, String path) {
        return given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute " + version)
                .get("/compute/v2.1/servers" + path).then().statusCode(200);
    }

    @Test
    void theZoneHintsAndImagePropertiesItWasAskedWithAreShownFromTheirVersions() {
        UUID image = madeImage(Map.of("os_distro", "busybox", "architecture", "x86_64", "image_type", "snapshot"));
        String other = UUID.randomUUID().toString();
        String id = given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.100")
                .contentType("application/json").body(Map.of(
                        "server", Map.of("name", "spec", "flavorRef", "0", "imageRef", image.toString(),
                                "networks", "none", "availability_zone", "nova"),
                        "os:scheduler_hints", Map.of("different_host", List.of(other))))
                .post("/compute/v2.1/servers").then().statusCode(202).extract().path("server.id");
        // the image changes later: the server keeps what it booted with
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update images set properties = '{\"os_distro\": \"other\"}' where id = ?1").setParameter(1, image)
                .executeUpdate());

        get("2.95", "/" + id).body("server", not(hasKey("pinned_availability_zone")))
                .body("server", not(hasKey("scheduler_hints"))).body("server.image", not(hasKey("properties")));
        get("2.96", "/" + id).body("server.pinned_availability_zone", equalTo("nova"))
                .body("server", not(hasKey("scheduler_hints"))).body("server.image", not(hasKey("properties")));
        get("2.98", "/" + id).body("server.image.properties", equalTo(Map.of("os_distro", "busybox",
                "architecture", "x86_64"))).body("server", not(hasKey("scheduler_hints")));
        get("2.100", "/" + id).body("server.scheduler_hints", equalTo(Map.of("different_host", List.of(other))))
                .body("server.pinned_availability_zone", equalTo("nova"))
                .body("server.image.id", equalTo(image.toString()));
        get("2.100", "/detail").body("servers[0].scheduler_hints", equalTo(Map.of("different_host", List.of(other))))
                .body("servers[0].pinned_availability_zone", equalTo("nova"))
                .body("servers[0].image.properties.os_distro", equalTo("busybox"));
        // update's answer is the full view from 2.75
        given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.100")
                .contentType("application/json").body(Map.of("server", Map.of("name", "renamed")))
                .put("/compute/v2.1/servers/" + id).then().statusCode(200)
                .body("server.pinned_availability_zone", equalTo("nova"))
                .body("server.scheduler_hints.different_host[0]", equalTo(other));
    }

    @Test
    void aServerBootedWithNeitherZoneNorHintsShowsNullAndNone() {
        String id = given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.100")
                .contentType("application/json").body(Map.of("server", Map.of("name", "plain", "flavorRef", "0",
                        "imageRef", ServerRows.IMAGE_ID, "networks", "none")))
                .post("/compute/v2.1/servers").then().statusCode(202).extract().path("server.id");

        get("2.100", "/" + id).body("server.pinned_availability_zone", nullValue())
                .body("server.scheduler_hints", equalTo(Map.of()))
                .body("server.image.properties", equalTo(Map.of()));
    }
}

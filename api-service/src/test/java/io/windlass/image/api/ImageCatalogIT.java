package io.windlass.image.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.testing.ComputeHostRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The Glance v2 facade over the images compute hosts report. */
@QuarkusTest
class ImageCatalogIT {
    private static final String BUSYBOX = ImageCatalog.idOf("busybox:latest");

    @Inject
    ComputeHostRows rows;

    @Inject
    EntityManager em;

    @BeforeEach
    void hosts() {
        rows.clear();
        // one host reports busybox untagged, another tagged: one image, on two hosts
        rows.insertHostWithImages("img-1", List.of("busybox", "nginx:1.25", "alpine:3.20"));
        rows.insertHostWithImages("img-2", List.of("busybox:latest", "registry.example/team/app@sha256:abc"));
    }

    @Test
    void versionDocumentIsGlancesMultipleChoices() {
        for (String path : List.of("/image", "/image/")) {
            given().when().get(path).then().statusCode(300)
                    .body("versions[0].id", equalTo("v2.15"))
                    .body("versions[0].status", equalTo("CURRENT"))
                    .body("versions[0].links[0].rel", equalTo("self"))
                    .body("versions[0].links[0].href", endsWith("/image/v2/"))
                    .body("versions[1].status", equalTo("SUPPORTED"));
        }
        // glanceclient reads Glance's /versions (200, same list) before anything else
        given().when().get("/image/versions").then().statusCode(200)
                .body("versions[0].id", equalTo("v2.15"));
    }

    @Test
    void schemasDescribeTheServedFields() {
        given().when().get("/image/v2/schemas/image").then().statusCode(200)
                .body("name", equalTo("image"))
                .body("properties.container_format.enum", hasItem("docker"))
                .body("additionalProperties.type", equalTo("string"));
        given().when().get("/image/v2/schemas/images").then().statusCode(200)
                .body("name", equalTo("images"))
                .body("properties.images.items.name", equalTo("image"));
    }

    @Test
    void listShowsEveryImageOnceInGlancesShape() {
        given().when().get("/image/v2/images").then().statusCode(200)
                .body("images.name", contains("alpine:3.20", "busybox:latest", "nginx:1.25",
                        "registry.example/team/app@sha256:abc"))
                .body("first", equalTo("/v2/images"))
                .body("schema", equalTo("/v2/schemas/images"))
                .body("$", not(hasKey("next")))
                .body("images[1].id", equalTo(BUSYBOX))
                .body("images[1].status", equalTo("active"))
                .body("images[1].visibility", equalTo("public"))
                .body("images[1].container_format", equalTo("docker"))
                .body("images[1].disk_format", equalTo("raw"))
                .body("images[1].size", nullValue())
                .body("images[1].min_disk", equalTo(0))
                .body("images[1].protected", equalTo(false))
                .body("images[1].os_hidden", equalTo(false))
                .body("images[1].tags", hasSize(0))
                .body("images[1].created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("images[1].self", equalTo("/v2/images/" + BUSYBOX))
                .body("images[1].file", equalTo("/v2/images/" + BUSYBOX + "/file"))
                .body("images[1].schema", equalTo("/v2/schemas/image"));
    }

    @Test
    void pagesCarryANextLinkOnlyWhileMoreRemain() {
        String next = given().when().get("/image/v2/images?limit=3").then().statusCode(200)
                .body("images", hasSize(3))
                .body("next", matchesPattern("/v2/images\\?limit=3&marker=[0-9a-f-]+"))
                .extract().path("next");
        given().when().get("/image" + next).then().statusCode(200)
                .body("images.name", contains("registry.example/team/app@sha256:abc"))
                .body("$", not(hasKey("next")));
        given().when().get("/image/v2/images?limit=4").then().body("$", not(hasKey("next")));
        given().when().get("/image/v2/images?marker=nope").then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nNo image found with ID nope\n"));
        given().when().get("/image/v2/images?limit=x").then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nlimit param must be an integer\n"));
    }

    @Test
    void nameFilterMatchesTheNameOrItsUntaggedForm() {
        given().when().get("/image/v2/images?name=busybox:latest").then()
                .body("images.id", contains(BUSYBOX));
        given().when().get("/image/v2/images?name=busybox").then()
                .body("images.id", contains(BUSYBOX));
        given().when().get("/image/v2/images?name=nginx").then().body("images", hasSize(0));
        given().when().get("/image/v2/images?status=queued").then().body("images", hasSize(0));
    }

    @Test
    void unknownRoutesAndMethodsAnswerInGlancesFormat() {
        given().when().get("/image/v2/nothing").then().statusCode(404).body(startsWith("404 Not Found\n\n"));
        given().contentType("application/json").body("{}").when().post("/image/v2/images/" + BUSYBOX).then()
                .statusCode(405).body(startsWith("405 Method Not Allowed\n\n"));
    }

    @Test
    void showByIdAndGlanceStyle404ForAnythingElse() {
        given().when().get("/image/v2/images/" + BUSYBOX).then().statusCode(200)
                .body("name", equalTo("busybox:latest"))
                .body("id", equalTo(BUSYBOX));
        for (String unknown : List.of("busybox:latest", "busybox", "7d3c1c6e-0000-4000-8000-000000000000")) {
            given().when().get("/image/v2/images/" + unknown).then().statusCode(404)
                    .contentType(startsWith("text/plain"))
                    .body(equalTo("404 Not Found\n\nNo image found with ID " + unknown + "\n"));
        }
    }

    /**
     * An image is found by its id alone (not from the whole list), with the list's rules: the id as
     * shown, never a deleted image Windlass made, and never the hosts' copy of a reference Windlass
     * made, even once deleted and even when stored untagged.
     */
    @Test
    void showByIdKeepsTheListsRules() {
        given().when().get("/image/v2/images/" + BUSYBOX.toUpperCase()).then().statusCode(404);
        UUID made = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO images (id, name, reference, status, owner, source_kind, source_uuid)
                        VALUES (:id, 'busybox', 'busybox', 'deleted', 'someone', 'container', :source)""")
                .setParameter("id", made).setParameter("source", UUID.randomUUID()).executeUpdate());
        try {
            given().when().get("/image/v2/images/" + BUSYBOX).then().statusCode(404);
            given().when().get("/image/v2/images/" + made).then().statusCode(404);
            given().when().get("/image/v2/images/" + ImageCatalog.idOf("nginx:1.25")).then().statusCode(200)
                    .body("name", equalTo("nginx:1.25"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM images WHERE id = :id")
                    .setParameter("id", made).executeUpdate());
        }
    }
}

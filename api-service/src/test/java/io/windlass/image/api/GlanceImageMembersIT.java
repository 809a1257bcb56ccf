package io.windlass.image.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.image.catalog.ImageCatalog;
import io.windlass.testing.Keystone;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Glance's image members against real PostgreSQL and real tokens: the owner's project shares a
 * {@code shared} image with another project, which sees it at once, lists it once it accepts, and
 * alone answers; a third project sees nothing. Each refusal as Glance words it.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class GlanceImageMembersIT {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @Inject
    EntityManager em;
    @Inject
    ServerRows servers;

    private ProjectMember owner;
    private ProjectMember member;
    private ProjectMember stranger;

    @BeforeEach
    void threeProjects() {
        owner = ProjectMember.create("members-owner");
        member = ProjectMember.create("members-member");
        stranger = ProjectMember.create("members-stranger");
    }

    @Test
    void sharedPendingThenAcceptedAsTempestDoes() {
        String id = create(owner.member(), Map.of("name", "to-share", "container_format", "bare", "disk_format", "raw"));
        byte[] data = {5, 6, 7};
        given().header("X-Auth-Token", owner.member()).contentType("application/octet-stream").body(data)
                .put("/image/v2/images/" + id + "/file").then().statusCode(204);

        given().header("X-Auth-Token", owner.member()).contentType("application/json")
                .body(Map.of("member", member.project())).post(members(id)).then().statusCode(200)
                .body("member_id", equalTo(member.project())).body("image_id", equalTo(id))
                .body("status", equalTo("pending")).body("schema", equalTo("/v2/schemas/member"))
                .body("created_at", matchesPattern(TIME)).body("updated_at", matchesPattern(TIME));

        // pending: the member sees and downloads the image, but its default list leaves it out
        assertArrayEquals(data, given().header("X-Auth-Token", member.member()).get("/image/v2/images/" + id + "/file")
                .then().statusCode(200).extract().asByteArray());
        given().header("X-Auth-Token", member.member()).get("/image/v2/images/" + id).then().statusCode(200)
                .body("owner", equalTo(owner.project())).body("visibility", equalTo("shared"));
        listed(member.member(), "").body("images.id", not(hasItem(id)));
        listed(member.member(), "?member_status=pending&visibility=shared").body("images.id", contains(id));
        listed(member.member(), "?member_status=accepted&visibility=shared").body("images.id", not(hasItem(id)));
        listed(member.member(), "?member_status=all").body("images.id", hasItem(id));
        // the owner lists its own shared image whatever its members answered
        listed(owner.member(), "?visibility=shared").body("images.id", contains(id));

        given().header("X-Auth-Token", member.member()).contentType("application/json")
                .body(Map.of("status", "accepted")).put(members(id) + "/" + member.project()).then().statusCode(200)
                .body("status", equalTo("accepted")).body("member_id", equalTo(member.project()));
        listed(member.member(), "").body("images.id", hasItem(id));
        listed(member.member(), "?member_status=pending&visibility=shared").body("images.id", not(hasItem(id)));

        String reader = ownerReader();
        for (String token : List.of(owner.member(), reader, owner.admin())) {
            given().header("X-Auth-Token", token).get(members(id)).then().statusCode(200)
                    .body("schema", equalTo("/v2/schemas/members")).body("members", hasSize(1))
                    .body("members[0].member_id", equalTo(member.project()))
                    .body("members[0].image_id", equalTo(id)).body("members[0].status", equalTo("accepted"));
            given().header("X-Auth-Token", token).get(members(id) + "/" + member.project()).then().statusCode(200)
                    .body("status", equalTo("accepted")).body("schema", equalTo("/v2/schemas/member"));
        }
        given().header("X-Auth-Token", member.member()).get(members(id)).then().statusCode(200)
                .body("members.member_id", contains(member.project()));

        // a member may change its mind
        given().header("X-Auth-Token", member.member()).contentType("application/json")
                .body(Map.of("status", "rejected")).put(members(id) + "/" + member.project()).then().statusCode(200)
                .body("status", equalTo("rejected"));
        listed(member.member(), "").body("images.id", not(hasItem(id)));
        listed(member.member(), "?member_status=rejected&visibility=shared").body("images.id", contains(id));
        given().header("X-Auth-Token", member.member()).get("/image/v2/images/" + id).then().statusCode(200);
    }

    @Test
    void onlyTheOwnerManagesAndOnlyTheMemberAnswers() {
        String id = create(owner.member(), Map.of("name", "managed"));
        String one = members(id) + "/" + member.project();
        add(owner.member(), id, member.project()).statusCode(200);
        add(owner.member(), id, member.project()).statusCode(409)
                .body(equalTo("409 Conflict\n\nMember " + member.project() + " is duplicated for image " + id + "\n"));

        given().header("X-Auth-Token", owner.member()).contentType("application/json")
                .body(Map.of("status", "accepted")).put(one).then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nYou are not authorized to complete modify_member action.\n"));
        given().header("X-Auth-Token", member.member()).contentType("application/json")
                .body(Map.of("status", "notavalidstatus")).put(one).then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nIncorrect request: Status must be \"pending\", \"accepted\" or "
                        + "\"rejected\".\n"));
        given().header("X-Auth-Token", member.member()).contentType("application/json")
                .body(Map.of("state", "accepted")).put(one).then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nStatus not specified\n"));
        given().header("X-Auth-Token", member.member()).get(one).then().statusCode(200)
                .body("status", equalTo("pending"));

        // the member is no owner: it neither shares the image further, nor takes members away, nor edits it
        add(member.member(), id, stranger.project()).statusCode(403)
                .body(equalTo("403 Forbidden\n\nYou are not authorized to complete add_member action.\n"));
        given().header("X-Auth-Token", member.member()).delete(one).then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nYou are not authorized to complete delete_member action.\n"));
        given().header("X-Auth-Token", member.member()).delete("/image/v2/images/" + id).then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nYou are not authorized to complete delete_image action.\n"));
        given().header("X-Auth-Token", member.member()).header("Content-Type",
                "application/openstack-images-v2.1-json-patch")
                .body("[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"mine\"}]"
                        .getBytes(StandardCharsets.UTF_8))
                .patch("/image/v2/images/" + id).then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nYou are not authorized to complete modify_image action.\n"));
        // nor does it see another member's membership
        add(owner.member(), id, stranger.project()).statusCode(200);
        given().header("X-Auth-Token", member.member()).get(members(id)).then().statusCode(200)
                .body("members.member_id", contains(member.project()));
        given().header("X-Auth-Token", member.member()).get(members(id) + "/" + stranger.project()).then()
                .statusCode(404).body(equalTo("404 Not Found\n\n" + stranger.project()
                        + " not found in the member list of the image " + id + ".\n"));

        // Nova finds the shared image for its member (still queued here, so not bootable) and not for others
        boot(member.member(), id).body("badRequest.message", equalTo("Image " + id + " is not active."));
        ProjectMember nobody = ProjectMember.create("members-nobody");
        boot(nobody.member(), id).body("badRequest.message", equalTo("Can not find requested image"));

        // a project the image is not shared with sees no image at all
        String unknown = "404 Not Found\n\nImage " + id + " not found.\n";
        given().header("X-Auth-Token", nobody.member()).get("/image/v2/images/" + id).then().statusCode(404);
        given().header("X-Auth-Token", nobody.member()).get(members(id)).then().statusCode(404).body(equalTo(unknown));
        add(nobody.member(), id, nobody.project()).statusCode(404).body(equalTo(unknown));
        given().header("X-Auth-Token", nobody.member()).get(one).then().statusCode(404).body(equalTo(unknown));
        listed(nobody.member(), "?member_status=all&visibility=shared").body("images.id", not(hasItem(id)));
    }

    @Test
    void onlySharedImagesHaveMembers() {
        String id = create(owner.member(), Map.of("name", "private", "visibility", "private"));
        add(owner.member(), id, member.project()).statusCode(403)
                .body(equalTo("403 Forbidden\n\nNot allowed to create members for image " + id + ".\n"));
        given().header("X-Auth-Token", owner.member()).get(members(id)).then().statusCode(403)
                .body(equalTo("403 Forbidden\n\nNot allowed to list members for image " + id
                        + ": Only shared images have members.\n"));
        given().header("X-Auth-Token", owner.member()).get(members(id) + "/" + member.project()).then()
                .statusCode(404).body(equalTo("404 Not Found\n\nOnly shared images have members.\n"));
        given().header("X-Auth-Token", owner.member()).delete(members(id) + "/" + member.project()).then()
                .statusCode(403).body(equalTo("403 Forbidden\n\nNot allowed to delete members for image " + id + ".\n"));
        // the hosts' images are public
        servers.hostWithImage("members-host");
        String hostImage = ImageCatalog.idOf("busybox:latest");
        add(owner.member(), hostImage, member.project()).statusCode(403);

        String shared = create(owner.member(), Map.of("name", "shared"));
        given().header("X-Auth-Token", owner.member()).contentType("application/json").body(Map.of("who", "x"))
                .post(members(shared)).then().statusCode(400)
                .body(equalTo("400 Bad Request\n\nMember to be added not specified\n"));
        given().header("X-Auth-Token", owner.member()).contentType("application/json").body(Map.of("member", ""))
                .post(members(shared)).then().statusCode(400).body(equalTo("400 Bad Request\n\nMember can't be empty\n"));
        given().header("X-Auth-Token", member.member()).get("/image/v2/images?member_status=maybe").then()
                .statusCode(400).body(equalTo("400 Bad Request\n\nInvalid status: maybe\n"));
        given().header("X-Auth-Token", member.member()).get("/image/v2/images?visibility=friends").then()
                .statusCode(400).body(equalTo("400 Bad Request\n\nInvalid visibility value: friends\n"));
    }

    @Test
    void removedMembersAndDeletedImagesShareNothing() {
        String id = create(owner.member(), Map.of("name", "taken-back"));
        add(owner.member(), id, member.project()).statusCode(200);
        given().header("X-Auth-Token", member.member()).contentType("application/json")
                .body(Map.of("status", "accepted")).put(members(id) + "/" + member.project()).then().statusCode(200);
        given().header("X-Auth-Token", owner.member()).delete(members(id) + "/" + member.project()).then()
                .statusCode(204);
        given().header("X-Auth-Token", member.member()).get("/image/v2/images/" + id).then().statusCode(404);
        listed(member.member(), "?member_status=all").body("images.id", not(hasItem(id)));
        given().header("X-Auth-Token", owner.member()).get(members(id)).then().statusCode(200)
                .body("members", hasSize(0));
        given().header("X-Auth-Token", owner.member()).delete(members(id) + "/" + member.project()).then()
                .statusCode(404).body(equalTo("404 Not Found\n\n" + member.project()
                        + " not found in the member list of the image " + id + ".\n"));

        add(owner.member(), id, member.project()).statusCode(200).body("status", equalTo("pending"));
        add(owner.member(), id, stranger.project()).statusCode(200);
        assertEquals(2L, memberRows(id));
        given().header("X-Auth-Token", owner.member()).delete("/image/v2/images/" + id).then().statusCode(204);
        assertEquals(0L, memberRows(id));
        given().header("X-Auth-Token", member.member()).get("/image/v2/images/" + id).then().statusCode(404);
    }

    @Test
    void anImageHasAtMostGlancesQuotaOfMembers() {
        String id = create(owner.member(), Map.of("name", "popular"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO image_members (image_id, member) SELECT ?1, 'p' || n FROM generate_series(1, 128) n""")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        add(owner.member(), id, member.project()).statusCode(413)
                .body(equalTo("413 Request Entity Too Large\n\nImage member limit exceeded for image " + id
                        + ": The limit has been exceeded on the number of allowed image members for this image. "
                        + "Attempted: 129, Maximum: 128:\n"));
        given().header("X-Auth-Token", owner.member()).delete(members(id) + "/p1").then().statusCode(204);
        add(owner.member(), id, member.project()).statusCode(200);
    }

    @Test
    void theMemberSchemas() {
        given().header("X-Auth-Token", member.member()).get("/image/v2/schemas/member").then().statusCode(200)
                .body("name", equalTo("member"))
                .body("properties.status.enum", contains("pending", "accepted", "rejected"))
                .body("properties.keySet()", hasItem("member_id"));
        given().header("X-Auth-Token", member.member()).get("/image/v2/schemas/members").then().statusCode(200)
                .body("name", equalTo("members")).body("properties.members.type", equalTo("array"))
                .body("properties.members.items.name", equalTo("member"))
                .body("links[0].rel", equalTo("describedby"));
    }

    private String ownerReader() {
        String name = owner.projectName() + "-reader";
        Keystone.createUser(owner.admin(), name, "pw", owner.project(), "reader");
        return Keystone.token(name, "pw", owner.projectName());
    }

    private long memberRows(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from image_members where image_id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult()).longValue());
    }

    private static String members(String id) {
        return "/image/v2/images/" + id + "/members";
    }

    private static ValidatableResponse add(String token, String id, String project) {
        return given().header("X-Auth-Token", token).contentType("application/json").body(Map.of("member", project))
                .post(members(id)).then();
    }

    private static ValidatableResponse boot(String token, String image) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.37")
                .contentType("application/json").body(Map.of("server", Map.of("name", "from-shared",
                        "flavorRef", "0", "imageRef", image, "networks", "none")))
                .post("/compute/v2.1/servers").then().statusCode(400);
    }

    private static ValidatableResponse listed(String token, String query) {
        return given().header("X-Auth-Token", token).get("/image/v2/images" + query).then().statusCode(200);
    }

    private static String create(String token, Map<String, Object> body) {
        return given().header("X-Auth-Token", token).contentType("application/json").body(body)
                .post("/image/v2/images").then().statusCode(201).body("visibility", equalTo(
                        body.getOrDefault("visibility", "shared"))).extract().path("id");
    }
}

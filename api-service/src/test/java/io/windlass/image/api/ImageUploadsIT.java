package io.windlass.image.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Glance's image create, upload, download and delete with real tokens, the bytes in PostgreSQL:
 * the digests Glance gives, one upload per image, the owner's rights, and no large object left
 * behind by a delete. An uploaded engine archive boots on any host once its {@code min_ram} and
 * {@code min_disk} fit the flavor, as Nova checks them; any other format is refused for boot.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ImageUploadsIT {
    private static final String HOST = "uploads-host";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ServerRows servers;

    private ProjectMember users;

    @BeforeEach
    void aProjectWithAMember() {
        users = ProjectMember.create("uploads");
        servers.hostWithImage(HOST);
    }

    private Response create(String token, Map<String, Object> body) {
        return given().header("X-Auth-Token", token).contentType("application/json").body(body)
                .post("/image/v2/images");
    }

    private Response upload(String token, String id, byte[] data) {
        return given().header("X-Auth-Token", token).contentType("application/octet-stream").body(data)
                .put("/image/v2/images/" + id + "/file");
    }

    private long largeObjects() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_largeobject_metadata").getSingleResult()).longValue());
    }

    @Test
    void createUploadDownloadAndDelete() throws Exception {
        Response created = create(users.member(), Map.of("name", "uploaded", "container_format", "bare",
                "disk_format", "raw", "min_ram", 1024, "tags", List.of("a", "b"), "os_distro", "busybox"));
        created.then().statusCode(201).body("status", equalTo("queued")).body("name", equalTo("uploaded"))
                .body("visibility", equalTo("shared")).body("owner", equalTo(users.project()))
                .body("container_format", equalTo("bare")).body("disk_format", equalTo("raw"))
                .body("min_ram", equalTo(1024)).body("tags", equalTo(List.of("a", "b")))
                .body("os_distro", equalTo("busybox")).body("size", nullValue()).body("checksum", nullValue());
        String id = created.path("id");
        assertEquals("/v2/images/" + id, java.net.URI.create(created.header("Location")).getPath());
        // nothing to download yet
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id + "/file").then().statusCode(204);

        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        long before = largeObjects();
        // another project's member neither sees the image nor uploads to it
        String other = ProjectMember.create("uploads-other").member();
        upload(other, id, data).then().statusCode(404);
        upload(users.member(), id, data).then().statusCode(204);
        assertEquals(before + 1, largeObjects());

        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then().statusCode(200)
                .body("status", equalTo("active")).body("size", equalTo(data.length))
                .body("checksum", equalTo(hex("MD5", data))).body("os_hash_algo", equalTo("sha512"))
                .body("os_hash_value", equalTo(hex("SHA-512", data)));
        Response download = given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id + "/file");
        download.then().statusCode(200).header("Content-MD5", equalTo(hex("MD5", data)))
                .contentType("application/octet-stream");
        assertArrayEquals(data, download.asByteArray());
        // one upload per image, as in Glance
        upload(users.member(), id, new byte[]{1}).then().statusCode(409)
                .body(containsString("Image status transition from active to saving is not allowed"));
        // listed with the hosts' images, and through Nova's proxy as an active image
        given().header("X-Auth-Token", users.member()).get("/image/v2/images").then().statusCode(200)
                .body("images.id", hasItem(id));
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/images/" + id).then().statusCode(200)
                .body("image.status", equalTo("ACTIVE")).body("image.minRam", equalTo(1024));
        given().header("X-Auth-Token", other).get("/image/v2/images/" + id + "/file").then().statusCode(404);

        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(204);
        assertEquals(before, largeObjects());
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then().statusCode(404);
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id + "/file").then().statusCode(404);
    }

    @Test
    void refusalsNameTheAttributeAndMakeNothing() {
        long rows = imageRows();
        create(users.member(), Map.of("name", "x", "status", "active")).then().statusCode(403)
                .body(containsString("Attribute 'status' is read-only."));
        create(users.member(), Map.of("name", "x", "locations", List.of())).then().statusCode(403)
                .body(containsString("Attribute 'locations' is reserved."));
        create(users.member(), Map.of("name", "x", "container_format", "tarball")).then().statusCode(400)
                .body(containsString("container_format"));
        create(users.member(), Map.of("name", "x", "min_ram", -1)).then().statusCode(400)
                .body(containsString("min_ram"));
        create(users.member(), Map.of("name", "x", "visibility", "public")).then().statusCode(403)
                .body(containsString("publicize_image"));
        create(users.member(), Map.of("name", "x", "owner", "someone-else")).then().statusCode(403);
        assertEquals(rows, imageRows());

        String id = UUID.randomUUID().toString();
        create(users.member(), Map.of("id", id, "name", "given-id")).then().statusCode(201).body("id", equalTo(id));
        create(users.member(), Map.of("id", id, "name", "again")).then().statusCode(409);
        // an admin may publish; everyone sees a public image, only its owner uploads to it
        String published = create(users.admin(), Map.of("name", "public-one", "visibility", "public",
                "container_format", "docker", "disk_format", "raw")).then().statusCode(201).extract().path("id");
        upload(users.member(), published, new byte[]{1, 2, 3}).then().statusCode(403)
                .body(containsString("upload_image"));
        upload(users.admin(), published, new byte[]{1, 2, 3}).then().statusCode(204);
        given().header("X-Auth-Token", users.admin()).delete("/image/v2/images/" + published).then().statusCode(204);
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(204);
    }

    @Test
    void anUploadedArchiveBootsAnywhereOnceItFitsTheFlavor() throws Exception {
        String big = uploaded(Map.of("name", "needs-ram", "container_format", "docker", "disk_format", "raw",
                "min_ram", 4096));
        bootWith(big).statusCode(400).body("badRequest.message",
                equalTo("Flavor's memory is too small for requested image."));
        String disk = uploaded(Map.of("name", "needs-disk", "container_format", "docker", "disk_format", "raw",
                "min_disk", 2));
        bootWith(disk).statusCode(400).body("badRequest.message", equalTo("Flavor's disk is smaller than the "
                + "minimum size specified in image metadata. Flavor disk is 1073741824 bytes, minimum size is "
                + "2147483648 bytes."));
        String queued = create(users.member(), Map.of("name", "queued", "container_format", "docker",
                "disk_format", "raw")).path("id");
        bootWith(queued).statusCode(400).body("badRequest.message", equalTo("Image " + queued + " is not active."));
        String vmDisk = uploaded(Map.of("name", "a-vm-disk", "container_format", "bare", "disk_format", "qcow2"));
        bootWith(vmDisk).statusCode(400).body("badRequest.message", equalTo("Image " + vmDisk + " is unacceptable: "
                + "its container_format is bare; compute hosts here run only engine image archives "
                + "(container_format docker)."));
        assertEquals(0L, serversOfProject());

        // an engine archive boots, on any host: the one that gets it reads its bytes from the store
        String archive = uploaded(Map.of("name", "an-archive", "container_format", "docker", "disk_format", "raw"));
        String booted = bootWith(archive).statusCode(202).extract().path("server.id");
        assertEquals(java.util.Arrays.asList("windlass-image/" + archive + ":latest", null),
                QuarkusTransaction.requiringNew().call(() -> java.util.Arrays.asList((Object[]) em.createNativeQuery(
                        "select image, requested_host from servers where uuid = ?1")
                        .setParameter(1, UUID.fromString(booted)).getSingleResult())));

        // deleted, it is taken off every host that loaded it
        String reference = "windlass-image/" + archive + ":latest";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update compute_hosts set images = "
                + "images || jsonb_build_array(?1) where host = ?2").setParameter(1, reference).setParameter(2, HOST)
                .executeUpdate());
        try (RpcQueueProbe host = RpcQueueProbe.on("compute." + HOST, json)) {
            given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + archive).then()
                    .statusCode(204);
            var removal = host.next(java.time.Duration.ofSeconds(10)).envelope();
            assertEquals("remove_image", removal.method());
            assertEquals(reference, removal.args().path("reference").asText());
        }
        for (String id : List.of(big, disk, queued, vmDisk)) {
            given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(204);
        }
    }

    /**
     * Nova's image proxy over an uploaded image (to 2.35): its properties as image metadata, read by
     * whoever sees it and changed by its project, and the list filters Tempest's
     * ListImageFiltersTestJSON uses.
     */
    @Test
    void novasImageMetadataAndListFilters() {
        String id = uploaded(Map.of("name", "with-meta", "container_format", "bare", "disk_format", "raw",
                "min_ram", 512, "min_disk", 3, "os_distro", "debian"));
        String base = "/compute/v2.1/images/" + id + "/metadata";
        given().header("X-Auth-Token", users.member()).get(base).then().statusCode(200)
                .body("metadata", equalTo(Map.of("os_distro", "debian")));
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("metadata", Map.of("architecture", "x86_64"))).post(base).then().statusCode(200)
                .body("metadata", equalTo(Map.of("os_distro", "debian", "architecture", "x86_64")));
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("meta", Map.of("os_distro", "alpine"))).put(base + "/os_distro").then().statusCode(200)
                .body("meta", equalTo(Map.of("os_distro", "alpine")));
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("meta", Map.of("other", "x"))).put(base + "/os_distro").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        given().header("X-Auth-Token", users.member()).get(base + "/os_distro").then().statusCode(200)
                .body("meta", equalTo(Map.of("os_distro", "alpine")));
        given().header("X-Auth-Token", users.member()).delete(base + "/architecture").then().statusCode(204);
        given().header("X-Auth-Token", users.member()).get(base + "/architecture").then().statusCode(404);
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("metadata", Map.of("only", "this"))).put(base).then().statusCode(200)
                .body("metadata", equalTo(Map.of("only", "this")));
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then().statusCode(200)
                .body("only", equalTo("this")).body("os_distro", nullValue());
        // the hosts' images are not the caller's to change; another project does not see this one
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("metadata", Map.of("a", "b"))).post("/compute/v2.1/images/" + ServerRows.IMAGE_ID
                        + "/metadata").then().statusCode(403);
        String other = ProjectMember.create("uploads-meta").member();
        given().header("X-Auth-Token", other).get(base).then().statusCode(404);
        // gone from 2.36 with the image proxy
        given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.36").get(base)
                .then().statusCode(404);

        given().header("X-Auth-Token", users.member()).queryParam("minRam", 512).queryParam("minDisk", 3)
                .get("/compute/v2.1/images/detail").then().statusCode(200).body("images.id", hasItem(id));
        given().header("X-Auth-Token", users.member()).queryParam("minRam", 513)
                .get("/compute/v2.1/images").then().statusCode(200).body("images.id", not(hasItem(id)));
        given().header("X-Auth-Token", users.member()).queryParam("changes-since", "2000-01-01T00:00:00Z")
                .get("/compute/v2.1/images").then().statusCode(200).body("images.id", hasItem(id));
        given().header("X-Auth-Token", users.member()).queryParam("changes-since", "2999-01-01T00:00:00Z")
                .get("/compute/v2.1/images").then().statusCode(200).body("images.id", not(hasItem(id)));
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(204);
    }

    @Test
    void glancesPatchChangesWhatACreatorMaySet() throws Exception {
        String id = create(users.member(), Map.of("name", "patched", "container_format", "bare", "disk_format",
                "raw", "keep", "me", "drop", "me")).path("id");
        patch(users.member(), id, List.of(
                Map.of("op", "replace", "path", "/name", "value", "renamed"),
                Map.of("op", "add", "path", "/min_ram", "value", 256),
                Map.of("op", "add", "path", "/purpose", "value", "tests"),
                Map.of("op", "remove", "path", "/drop"),
                Map.of("op", "replace", "path", "/container_format", "value", "docker")))
                .then().statusCode(200).body("name", equalTo("renamed"))
                .body("min_ram", equalTo(256)).body("purpose", equalTo("tests")).body("keep", equalTo("me"))
                .body("drop", nullValue()).body("container_format", equalTo("docker"));
        // Glance's refusals, each naming what it refuses, and nothing changed by them
        given().header("X-Auth-Token", users.member()).contentType("application/json").body("[]")
                .patch("/image/v2/images/" + id).then().statusCode(415);
        patch(users.member(), id, List.of(Map.of("op", "replace", "path", "/status", "value", "active")))
                .then().statusCode(403).body(containsString("Attribute 'status' is read-only."));
        patch(users.member(), id, List.of(Map.of("op", "replace", "path", "/min_disk", "value", "lots")))
                .then().statusCode(400).body(containsString("min_disk"));
        patch(users.member(), id, List.of(Map.of("op", "remove", "path", "/absent"))).then().statusCode(409);
        patch(users.member(), id, List.of(Map.of("op", "replace", "path", "/visibility", "value", "public")))
                .then().statusCode(403).body(containsString("publicize_image"));
        // an admin's public image of this project: its members change the rest, not the visibility
        String published = create(users.admin(), Map.of("name", "published", "visibility", "public",
                "owner", users.project())).then().statusCode(201).extract().path("id");
        patch(users.member(), published, List.of(Map.of("op", "replace", "path", "/name", "value", "renamed-too")))
                .then().statusCode(200).body("name", equalTo("renamed-too")).body("visibility", equalTo("public"));
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + published).then()
                .statusCode(204);
        String other = ProjectMember.create("uploads-patch").member();
        patch(other, id, List.of(Map.of("op", "replace", "path", "/name", "value", "theirs"))).then().statusCode(404);
        // once active, its formats are what its bytes are
        upload(users.member(), id, new byte[]{1}).then().statusCode(204);
        patch(users.member(), id, List.of(Map.of("op", "replace", "path", "/disk_format", "value", "qcow2")))
                .then().statusCode(403);
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + id).then().statusCode(200)
                .body("name", equalTo("renamed")).body("disk_format", equalTo("raw")).body("min_disk", equalTo(0))
                .body("visibility", equalTo("shared"));
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(204);
    }

    /** A Glance json-patch, in its own media type (which RestAssured has no encoder for: the text is sent). */
    private Response patch(String token, String id, List<Map<String, Object>> operations) throws Exception {
        return given().header("X-Auth-Token", token).header("Content-Type", "application/openstack-images-v2.1-json-patch")
                .body(json.writeValueAsBytes(operations)).patch("/image/v2/images/" + id);
    }

    private String uploaded(Map<String, Object> body) {
        String id = create(users.member(), body).then().statusCode(201).extract().path("id");
        upload(users.member(), id, new byte[]{1}).then().statusCode(204);
        return id;
    }

    private long serversOfProject() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from servers where project_id = ?1").setParameter(1, users.project())
                .getSingleResult()).longValue());
    }

    private io.restassured.response.ValidatableResponse bootWith(String image) {
        return given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.37")
                .contentType("application/json").body(Map.of("server", Map.of("name", "from-upload",
                        "flavorRef", "0", "imageRef", image, "networks", "none")))
                .post("/compute/v2.1/servers").then();
    }

    private long imageRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from images").getSingleResult()).longValue());
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}

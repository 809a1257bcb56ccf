package io.windlass.image.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.container.ContainerStatus;
import io.windlass.container.persistence.ContainerEntity;
import io.windlass.rpc.Envelope;
import io.windlass.server.VmState;
import io.windlass.testing.ContainerRows;
import io.windlass.testing.ProjectMember;
import io.windlass.testing.RealTokens;
import io.windlass.testing.RpcQueueProbe;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The images Windlass makes from workloads, as the api-service accepts them with real tokens:
 * Nova's createImage and createBackup and Zun's commit write a saving image and cast the
 * conductor's {@code snapshot_workload} in one transaction; Glance shows the image to its project
 * only, refuses to boot it until it is active, and deletes it for its owner. Refusals change nothing.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class WorkloadImagesIT {
    private static final String HOST = "images-host";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ServerRows servers;
    @Inject
    ContainerRows containers;

    private RpcQueueProbe conductor;
    private ProjectMember users;

    @BeforeEach
    void aProjectWithAMember() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
        users = ProjectMember.create("images");
        servers.hostWithImage(HOST);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private ValidatableResponse action(String version, UUID server, Map<String, Object> body) {
        return given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(body).post("/compute/v2.1/servers/" + server + "/action").then();
    }

    private ValidatableResponse image(String token, String id) {
        return given().header("X-Auth-Token", token).get("/image/v2/images/" + id).then();
    }

    private String taskState(UUID server) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select task_state from servers where uuid = ?1").setParameter(1, server).getSingleResult());
    }

    private long images() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from images").getSingleResult()).longValue());
    }

    private Envelope cast() throws Exception {
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(ConductorRpcApi.SNAPSHOT_WORKLOAD.name(), sent.method());
        return sent;
    }

    @Test
    void aSnapshotIsSavingForItsProjectUntilTheConductorMakesItActive() throws Exception {
        UUID server = servers.insert(users.project(), HOST, VmState.ACTIVE);

        String location = action("2.1", server, Map.of("createImage", Map.of("name", "snap one",
                "metadata", Map.of("purpose", "test")))).statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(location.endsWith("/image/v2/images/" + id), location);
        Envelope sent = cast();
        assertEquals(id, sent.args().get("imageId").asText());
        assertTrue(sent.args().get("rotation").isNull());
        assertEquals("image_snapshot_pending", taskState(server));

        image(users.member(), id).statusCode(200).body("name", equalTo("snap one")).body("status", equalTo("saving"))
                .body("visibility", equalTo("private")).body("owner", equalTo(users.project()))
                .body("image_type", equalTo("snapshot")).body("instance_uuid", equalTo(server.toString()))
                .body("base_image_ref", equalTo(ServerRows.IMAGE_ID)).body("purpose", equalTo("test"));
        // Nova's image proxy (to 2.35) shows it in Nova's words
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/images/" + id).then().statusCode(200)
                .body("image.status", equalTo("SAVING")).body("image.progress", equalTo(50))
                .body("image.server.id", equalTo(server.toString())).body("image.metadata.purpose", equalTo("test"))
                .body("image.minDisk", equalTo(0));
        given().header("X-Auth-Token", users.member()).queryParam("server", server.toString())
                .get("/compute/v2.1/images/detail").then().statusCode(200).body("images.id", equalTo(List.of(id)));
        given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.36")
                .get("/compute/v2.1/images/" + id).then().statusCode(404);
        // Glance's additional properties are list filters
        given().header("X-Auth-Token", users.member()).queryParam("instance_uuid", server.toString())
                .queryParam("image_type", "snapshot").get("/image/v2/images").then().statusCode(200)
                .body("images.id", equalTo(List.of(id)));
        // another project sees nothing of it
        ProjectMember other = ProjectMember.create("images-other");
        image(other.member(), id).statusCode(404);
        given().header("X-Auth-Token", other.member()).get("/image/v2/images").then().statusCode(200)
                .body("images.id", not(hasItem(id)));

        // busy now: Nova's words, and nothing is made
        long before = images();
        action("2.1", server, Map.of("createImage", Map.of("name", "again"))).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'createImage' instance " + server
                        + " while it is in task_state image_snapshot_pending"));
        assertEquals(before, images());

        // not bootable while saving
        UUID another = servers.insert(users.project(), HOST, VmState.ACTIVE);
        action("2.1", another, Map.of("rebuild", Map.of("imageRef", id))).statusCode(400)
                .body("badRequest.message", equalTo("Image " + id + " is not active."));

        // the conductor's part, as it writes it: then Glance lists it active, and the owner deletes it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update images set status = 'active', "
                + "host = ?1, size = 1234 where id = ?2").setParameter(1, HOST).setParameter(2, UUID.fromString(id))
                .executeUpdate());
        given().header("X-Auth-Token", users.member()).queryParam("status", "active").get("/image/v2/images").then()
                .statusCode(200).body("images.id", hasItem(id));
        image(users.member(), id).statusCode(200).body("status", equalTo("active")).body("size", equalTo(1234));
        // it boots a server now, as its reference
        String booted = given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.37")
                .contentType("application/json")
                .body(Map.of("server", Map.of("name", "from-snap", "flavorRef", "0", "imageRef", id,
                        "networks", "none"))).post("/compute/v2.1/servers").then().log().ifValidationFails().statusCode(202)
                .extract().path("server.id");
        // on the host that holds it: no registry carries it elsewhere
        assertEquals(List.of("windlass-image/" + id + ":latest", HOST), QuarkusTransaction.requiringNew().call(() ->
                List.of((Object[]) em.createNativeQuery("select image, requested_host from servers where uuid = ?1")
                        .setParameter(1, UUID.fromString(booted)).getSingleResult())));
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/servers/" + booted).then().statusCode(200)
                .body("server.image.id", equalTo(id));
        given().header("X-Auth-Token", other.member()).delete("/image/v2/images/" + id).then().statusCode(404);
        given().header("X-Auth-Token", users.member()).delete("/compute/v2.1/images/" + id).then().statusCode(204);
        image(users.member(), id).statusCode(404);
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/images/" + id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Image not found."));
        given().header("X-Auth-Token", users.member()).delete("/compute/v2.1/images/").then().statusCode(404);
        given().header("X-Auth-Token", users.member()).delete("/image/v2/images/" + id).then().statusCode(404);
        // the images the hosts brought are not this API's to delete
        given().header("X-Auth-Token", users.admin()).delete("/image/v2/images/" + ServerRows.IMAGE_ID).then()
                .statusCode(403);
    }

    @Test
    void aBackupAnswersItsImageIdFrom245AndCarriesItsRotation() throws Exception {
        UUID server = servers.insert(users.project(), HOST, VmState.STOPPED);
        String id = action("2.45", server, Map.of("createBackup", Map.of("name", "nightly", "backup_type", "daily",
                "rotation", "2"))).statusCode(202).header("Location", nullValue()).extract().path("image_id");
        Envelope sent = cast();
        assertEquals(id, sent.args().get("imageId").asText());
        assertEquals(2, sent.args().get("rotation").asInt());
        assertEquals("image_backup", taskState(server));
        image(users.member(), id).statusCode(200).body("image_type", equalTo("backup"))
                .body("backup_type", equalTo("daily")).body("container_format", equalTo("docker"));
        given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "compute 2.75")
                .get("/compute/v2.1/servers/" + server + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions[0].action", equalTo("createBackup"));

        // before 2.45 the Location names it in the compute API, unless the rotation keeps nothing
        UUID other = servers.insert(users.project(), HOST, VmState.ACTIVE);
        action("2.1", other, Map.of("createBackup", Map.of("name", "b", "backup_type", "weekly", "rotation", 1)))
                .statusCode(202).header("Location", endsWith("/compute/v2.1/images/" + cast().args()
                        .get("imageId").asText()));
    }

    @Test
    void refusedSnapshotsAndBackupsAreNovasAndMakeNothing() {
        UUID error = servers.insert(users.project(), HOST, VmState.ERROR);
        long before = images();
        action("2.1", error, Map.of("createImage", Map.of("name", "x"))).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'createImage' instance " + error
                        + " while it is in vm_state error"));
        UUID server = servers.insert(users.project(), HOST, VmState.ACTIVE);
        action("2.1", server, Map.of("createImage", Map.of())).statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute createImage. Value: {}. "
                        + "'name' is a required property"));
        action("2.1", server, Map.of("createImage", Map.of("name", "x", "metadata", Map.of("k", 1)))).statusCode(400);
        action("2.1", server, Map.of("createBackup", Map.of("name", "x", "backup_type", "daily"))).statusCode(400);
        action("2.1", server, Map.of("createBackup", Map.of("name", "x", "backup_type", "daily", "rotation", -1)))
                .statusCode(400);
        action("2.1", UUID.randomUUID(), Map.of("createImage", Map.of("name", "x"))).statusCode(404);
        assertEquals(before, images());
        assertEquals(null, taskState(server));
    }

    @Test
    void before239AnImagesMetadataCountsAgainstTheProjectsMetadataItems() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into quotas (project_id, resource, "
                + "hard_limit) values (?1, 'metadata_items', 1)").setParameter(1, users.project()).executeUpdate());
        UUID server = servers.insert(users.project(), HOST, VmState.ACTIVE);
        Map<String, String> two = Map.of("a", "1", "b", "2");
        long before = images();

        action("2.38", server, Map.of("createImage", Map.of("name", "x", "metadata", two))).statusCode(403)
                .body("forbidden.message", equalTo("Image metadata limit exceeded"));
        action("2.38", server, Map.of("createBackup", Map.of("name", "x", "backup_type", "daily", "rotation", 1,
                "metadata", two))).statusCode(403).body("forbidden.message", equalTo("Image metadata limit exceeded"));
        assertEquals(before, images());
        assertEquals(null, taskState(server));

        // within the limit, or from 2.39 on, it is not counted
        action("2.38", server, Map.of("createImage", Map.of("name", "x", "metadata", Map.of("a", "1"))))
                .statusCode(202);
        cast();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set task_state = null "
                + "where uuid = ?1").setParameter(1, server).executeUpdate());
        action("2.39", server, Map.of("createImage", Map.of("name", "y", "metadata", two))).statusCode(202);
        cast();
    }

    @Test
    void aCommitNamesTheImageAfterTheRepositoryAndIsTheProjectsToRun() throws Exception {
        ContainerEntity c = containers.insert("commit-" + UUID.randomUUID(), ContainerStatus.RUNNING, HOST,
                row -> row.projectId = users.project());
        String id = given().header("X-Auth-Token", users.member()).header("OpenStack-API-Version", "container 1.40")
                .queryParam("repository", "team/app").queryParam("tag", "v1")
                .post("/container/v1/containers/" + c.uuid + "/commit").then().statusCode(202)
                .extract().path("uuid");
        assertEquals(id, cast().args().get("imageId").asText());
        image(users.member(), id).statusCode(200).body("name", equalTo("team/app"))
                .body("status", equalTo("saving")).body("container_format", equalTo("docker"));
        assertEquals("team/app:v1", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select reference from images where id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()));
        given().header("X-Auth-Token", users.member()).get("/container/v1/containers/" + c.uuid
                + "/container_actions").then().statusCode(200).body("containerActions.action", hasItem("commit"));
        // it runs nothing before it is made, and then only on its host
        given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("image", "team/app:v1", "command", "sleep 1")).post("/container/v1/containers").then()
                .statusCode(400).body("errors[0].detail", equalTo("Image " + id + " is not active."));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update images set status = 'active', "
                + "host = ?1 where id = ?2").setParameter(1, HOST).setParameter(2, UUID.fromString(id)).executeUpdate());
        String run = given().header("X-Auth-Token", users.member()).contentType("application/json")
                .body(Map.of("image", "team/app:v1", "command", "sleep 1")).post("/container/v1/containers").then()
                .statusCode(202).extract().path("uuid");
        assertEquals(HOST, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select requested_host from containers where uuid = ?1").setParameter(1, UUID.fromString(run))
                .getSingleResult()));
        assertEquals(ConductorRpcApi.BUILD_CONTAINER.name(), conductor.next(Duration.ofSeconds(5)).envelope().method());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update images set status = 'saving' "
                + "where id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate());

        // refusals: Zun's words where it has them, and nothing made
        long before = images();
        given().header("X-Auth-Token", users.member()).queryParam("repository", "Not A Repo")
                .post("/container/v1/containers/" + c.uuid + "/commit").then().statusCode(400);
        given().header("X-Auth-Token", users.member()).post("/container/v1/containers/" + c.uuid + "/commit").then()
                .statusCode(400);
        given().header("X-Auth-Token", users.member()).queryParam("repository", "busybox")
                .post("/container/v1/containers/" + c.uuid + "/commit").then().statusCode(409);
        given().header("X-Auth-Token", users.member()).queryParam("repository", "team/app").queryParam("tag", "v1")
                .post("/container/v1/containers/" + c.uuid + "/commit").then().statusCode(409)
                .body("errors[0].detail", equalTo("Image team/app:v1 is being committed already."));
        ContainerEntity creating = containers.insert("creating-" + UUID.randomUUID(), ContainerStatus.CREATING, HOST,
                row -> row.projectId = users.project());
        given().header("X-Auth-Token", users.member()).queryParam("repository", "team/other")
                .post("/container/v1/containers/" + creating.uuid + "/commit").then().statusCode(409)
                .body("errors[0].detail", equalTo("Cannot commit container " + creating.uuid + " in Creating state."));
        assertEquals(before, images());
        assertEquals(List.of(), conductor.drain());
    }
}

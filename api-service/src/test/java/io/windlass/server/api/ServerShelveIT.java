package io.windlass.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.windlass.conductor.ConductorRpcApi;
import io.windlass.rpc.Envelope;
import io.windlass.server.VmState;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Nova's shelve, shelveOffload and unshelve as the api-service accepts them, with real tokens: a
 * shelve writes the {@code <name>-shelved} image (saving), names it in the server and casts
 * {@code shelve_server} with the task state; an unshelve of an offloaded server pins it to the host
 * that holds its image. Refusals (state, policy, a zone for a server still on its host, a host the
 * image is not on) change nothing.
 */
@QuarkusTest
@TestProfile(RealTokens.class)
class ServerShelveIT {
    private static final String HOST = "shelve-host";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ServerRows servers;

    private RpcQueueProbe conductor;
    private ProjectMember users;

    @BeforeEach
    void aProjectWithAMember() throws Exception {
        conductor = RpcQueueProbe.on("conductor", json);
        users = ProjectMember.create("shelve");
        servers.hostWithImage(HOST);
    }

    @AfterEach
    void close() throws Exception {
        conductor.close();
    }

    private ValidatableResponse action(String token, String version, UUID server, Map<String, Object> body) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute " + version)
                .contentType("application/json").body(body).post("/compute/v2.1/servers/" + server + "/action").then();
    }

    private Object column(UUID server, String column) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select " + column + " from servers where uuid = ?1").setParameter(1, server).getSingleResult());
    }

    private void cast(String method, UUID server) throws Exception {
        Envelope sent = conductor.next(Duration.ofSeconds(5)).envelope();
        assertEquals(method, sent.method());
        assertEquals(server.toString(), sent.args().get("uuid").asText());
    }

    private static Map<String, Object> nullAction(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, null);
        return body;
    }

    @Test
    void aShelveMakesItsImageAndAnOffloadedServerIsUnshelvedOnTheImagesHost() throws Exception {
        UUID server = servers.insert(users.project(), HOST, VmState.ACTIVE);

        action(users.member(), "2.1", server, nullAction("shelve")).statusCode(202);
        cast(ConductorRpcApi.SHELVE_SERVER.name(), server);
        assertEquals("shelving", column(server, "task_state"));
        String image = column(server, "shelved_image_id").toString();
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + image).then().statusCode(200)
                .body("status", equalTo("saving")).body("image_type", equalTo("snapshot"))
                .body("instance_uuid", equalTo(server.toString()));
        // busy: Nova's words
        action(users.member(), "2.1", server, nullAction("shelve")).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'shelve' instance " + server
                        + " while it is in task_state shelving"));

        // as the conductor ends it: committed on the host, offloaded
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update images set status = 'active', host = ?2 where id = ?1")
                    .setParameter(1, UUID.fromString(image)).setParameter(2, HOST).executeUpdate();
            em.createNativeQuery("update servers set task_state = null, vm_state = 'shelved_offloaded', host = null,"
                    + " shelved_at = now() where uuid = ?1").setParameter(1, server).executeUpdate();
        });
        given().header("X-Auth-Token", users.member()).get("/compute/v2.1/servers/" + server).then()
                .statusCode(200).body("server.status", equalTo("SHELVED_OFFLOADED"));
        // members may not offload (admins only) nor name a host (2.91)
        action(users.member(), "2.1", server, nullAction("shelveOffload")).statusCode(403);
        action(users.member(), "2.91", server, Map.of("unshelve", Map.of("host", HOST))).statusCode(403);
        // the image is on one host only
        action(users.admin(), "2.91", server, Map.of("unshelve", Map.of("host", "nowhere"))).statusCode(400)
                .body("badRequest.message", equalTo("Compute host nowhere could not be found."));
        // 2.77: a zone must be given when there is a body
        action(users.member(), "2.77", server, Map.of("unshelve", Map.of())).statusCode(400);

        action(users.member(), "2.77", server, Map.of("unshelve", Map.of("availability_zone", "nova")))
                .statusCode(202);
        cast(ConductorRpcApi.UNSHELVE_SERVER.name(), server);
        assertEquals("unshelving", column(server, "task_state"));
        assertEquals(HOST, column(server, "requested_host"), "pinned to the host that holds its image");
        assertEquals("nova", column(server, "requested_zone"));
    }

    @Test
    void anOffloadedServerWhoseImageIsStoredMayComeBackOnAnyHost() throws Exception {
        UUID server = servers.insert(users.project(), HOST, VmState.ACTIVE);
        action(users.member(), "2.1", server, nullAction("shelve")).statusCode(202);
        cast(ConductorRpcApi.SHELVE_SERVER.name(), server);
        UUID image = UUID.fromString(column(server, "shelved_image_id").toString());
        // as the conductor ends it, and then as the host's push into the store ends
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update images set status = 'active', host = ?2, data = lo_from_bytea(0, "
                    + "'archive'::bytea), data_size = 7, checksum = md5('archive') where id = ?1")
                    .setParameter(1, image).setParameter(2, HOST).executeUpdate();
            em.createNativeQuery("update servers set task_state = null, vm_state = 'shelved_offloaded', host = null,"
                    + " shelved_at = now() where uuid = ?1").setParameter(1, server).executeUpdate();
        });
        servers.hostWithImage("another-host");
        action(users.admin(), "2.91", server, Map.of("unshelve", Map.of("host", "another-host"))).statusCode(202);
        cast(ConductorRpcApi.UNSHELVE_SERVER.name(), server);
        assertEquals("another-host", column(server, "requested_host"), "the host asked for, not the image's");

        // deleted while shelved, the server takes the stored bytes with its image
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update servers set task_state = null "
                + "where uuid = ?1").setParameter(1, server).executeUpdate());
        Object oid = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select data from images where id = ?1").setParameter(1, image).getSingleResult());
        given().header("X-Auth-Token", users.member()).delete("/compute/v2.1/servers/" + server).then()
                .statusCode(204);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_largeobject_metadata where oid = ?1").setParameter(1, oid)
                .getSingleResult()).longValue()));
    }

    @Test
    void aServerShelvedOnItsHostTakesNoZoneAndItsDeleteTakesTheImage() throws Exception {
        UUID server = servers.insert(users.project(), HOST, VmState.SHELVED);
        UUID image = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into images (id, name, reference, status, owner, source_kind, source_uuid, "
                            + "properties, min_disk, created_at, updated_at, host) values (?1, 'srv-shelved', ?2, "
                            + "'active', ?3, 'server', ?4, '{}', 0, now(), now(), ?5)")
                    .setParameter(1, image).setParameter(2, "windlass-image/" + image).setParameter(3, users.project())
                    .setParameter(4, server).setParameter(5, HOST).executeUpdate();
            em.createNativeQuery("update servers set shelved_image_id = ?2, shelved_image = ?3 where uuid = ?1")
                    .setParameter(1, server).setParameter(2, image).setParameter(3, "windlass-image/" + image)
                    .executeUpdate();
        });
        action(users.member(), "2.77", server, Map.of("unshelve", Map.of("availability_zone", "nova")))
                .statusCode(409).body("conflictingRequest.message", equalTo("Specifying an availability zone or a "
                        + "host when unshelving server " + server + " with status SHELVED is not supported. The "
                        + "server status must be SHELVED_OFFLOADED."));
        // not shelvable again, not resumable
        action(users.member(), "2.1", server, nullAction("shelve")).statusCode(409);
        assertNull(column(server, "task_state"));

        given().header("X-Auth-Token", users.member()).delete("/compute/v2.1/servers/" + server).then()
                .statusCode(204);
        given().header("X-Auth-Token", users.member()).get("/image/v2/images/" + image).then().statusCode(404);
    }

    @Test
    void anActiveServerIsNotUnshelvedAndAShelvedOneOffloadedByAnAdmin() throws Exception {
        UUID active = servers.insert(users.project(), HOST, VmState.ACTIVE);
        action(users.member(), "2.1", active, nullAction("unshelve")).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'unshelve' instance " + active
                        + " while it is in vm_state active"));

        UUID shelved = servers.insert(users.project(), HOST, VmState.SHELVED);
        action(users.admin(), "2.1", shelved, nullAction("shelveOffload")).statusCode(202);
        cast(ConductorRpcApi.SHELVE_SERVER.name(), shelved);
        assertEquals("shelving_offloading", column(shelved, "task_state"));
    }
}

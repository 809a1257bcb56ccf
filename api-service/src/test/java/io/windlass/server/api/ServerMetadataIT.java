package io.windlass.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nova's {@code /servers/{id}/metadata}: read, merge (POST), replace (PUT), one key set and
 * deleted, with Nova's answers to a body and URI mismatch, an unknown key, too many items for the
 * quota and a server in a state that refuses changes.
 */
@QuarkusTest
class ServerMetadataIT {
    private static final String IMAGE_ID = ServerRows.IMAGE_ID;

    @Inject
    ServerRows rows;

    @BeforeEach
    void aHostWithTheImage() {
        rows.hostWithImage("host-meta");
    }

    private static ValidatableResponse api(String method, String path, Object body) {
        var request = given().header("OpenStack-API-Version", "compute 2.95").contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/compute/v2.1/servers/" + path).then();
    }

    private String activeServer() {
        String id = api("POST", "", Map.of("server", Map.of("name", "meta", "flavorRef", "0", "imageRef", IMAGE_ID,
                "networks", "none", "metadata", Map.of("role", "web")))).statusCode(202).extract().path("server.id");
        rows.set(id, "host = 'host-meta', vm_state = 'active', task_state = NULL");
        return id;
    }

    @Test
    void readMergeReplaceSetAndDelete() {
        String id = activeServer();
        api("GET", id + "/metadata", null).statusCode(200).body("metadata", equalTo(Map.of("role", "web")));
        api("POST", id + "/metadata", Map.of("metadata", Map.of("tier", "1"))).statusCode(200)
                .body("metadata", equalTo(Map.of("role", "web", "tier", "1")));
        api("PUT", id + "/metadata", Map.of("metadata", Map.of("owner", "ops"))).statusCode(200)
                .body("metadata", equalTo(Map.of("owner", "ops")));
        api("PUT", id + "/metadata/zone", Map.of("meta", Map.of("zone", "a"))).statusCode(200)
                .body("meta", equalTo(Map.of("zone", "a")));
        api("GET", id + "/metadata/zone", null).statusCode(200).body("meta", equalTo(Map.of("zone", "a")));
        api("GET", id, null).statusCode(200).body("server.metadata", equalTo(Map.of("owner", "ops", "zone", "a")));
        api("DELETE", id + "/metadata/zone", null).statusCode(204);
        api("GET", id + "/metadata/zone", null).statusCode(404).body("itemNotFound.message",
                equalTo("Metadata item was not found"));
        api("DELETE", id + "/metadata/zone", null).statusCode(404);
    }

    @Test
    void novasRefusals() {
        String id = activeServer();
        api("PUT", id + "/metadata/zone", Map.of("meta", Map.of("other", "a"))).statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        api("PUT", id + "/metadata/zone", Map.of("meta", Map.of("zone", "a", "b", "c"))).statusCode(400);
        api("PUT", id + "/metadata/zone", Map.of("meta", Map.of())).statusCode(400);
        api("POST", id + "/metadata", Map.of("metadata", Map.of("bad/key", "x"))).statusCode(400);
        api("POST", id + "/metadata", Map.of("metadata", Map.of("k", "x".repeat(256)))).statusCode(400);
        api("POST", id + "/metadata", Map.of("meta", Map.of("k", "v"))).statusCode(400);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 129; i++) {
            many.put("k" + i, "v");
        }
        api("PUT", id + "/metadata", Map.of("metadata", many)).statusCode(403)
                .body("forbidden.message", equalTo("Maximum number of metadata items exceeds 128"));
        rows.set(id, "vm_state = 'error'");
        api("POST", id + "/metadata", Map.of("metadata", Map.of("k", "v"))).statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'update metadata' instance " + id
                        + " while it is in vm_state error"));
        api("DELETE", id + "/metadata/role", null).statusCode(409);
        api("GET", id + "/metadata", null).statusCode(200).body("metadata", equalTo(Map.of("role", "web")));
        api("GET", "7f0e7a0c-5a3f-4d7e-9d2c-0b8a5e0f1a14/metadata", null).statusCode(404);
    }
}

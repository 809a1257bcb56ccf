package io.windlass.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ServerRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Nova's server tags (2.26): the sub-resource with its 201/204 answers and Location, tags given at
 * create (2.52) and shown in the server, the four list filters, and Nova's refusals.
 */
@QuarkusTest
class ServerTagsIT {
    private static final String IMAGE_ID = ServerRows.IMAGE_ID;

    @Inject
    ServerRows rows;

    @BeforeEach
    void aHostWithTheImage() {
        rows.hostWithImage("host-tags");
    }

    private static ValidatableResponse api(String version, String method, String path, Object body) {
        var request = given().header("OpenStack-API-Version", "compute " + version).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, "/compute/v2.1/servers" + path).then();
    }

    private String activeServer(List<String> tags) {
        Map<String, Object> server = new HashMap<>(Map.of("name", "tags", "flavorRef", "0", "imageRef", IMAGE_ID,
                "networks", "none"));
        if (!tags.isEmpty()) {
            server.put("tags", tags);
        }
        String id = api("2.52", "POST", "", Map.of("server", server)).statusCode(202).extract().path("server.id");
        rows.set(id, "host = 'host-tags', vm_state = 'active'");
        return id;
    }

    @Test
    void theTagsSubResourceAsNovaAnswersIt() {
        String id = activeServer(List.of("web", "blue"));
        api("2.26", "GET", "/" + id, null).statusCode(200).body("server.tags", equalTo(List.of("web", "blue")));
        api("2.26", "GET", "/" + id + "/tags", null).statusCode(200).body("tags", equalTo(List.of("web", "blue")));
        api("2.26", "GET", "/" + id + "/tags/web", null).statusCode(204);
        api("2.26", "GET", "/" + id + "/tags/red", null).statusCode(404).body("itemNotFound.message",
                equalTo("Server " + id + " has no tag 'red'"));

        api("2.26", "PUT", "/" + id + "/tags/red", null).statusCode(201)
                .header("Location", endsWith("/servers/" + id + "/tags/red"));
        api("2.26", "PUT", "/" + id + "/tags/red", null).statusCode(204);
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tags", List.of("a", "b", "a"))).statusCode(200)
                .body("tags", equalTo(List.of("a", "b")));
        api("2.26", "DELETE", "/" + id + "/tags/a", null).statusCode(204);
        api("2.26", "DELETE", "/" + id + "/tags/a", null).statusCode(404);
        api("2.26", "DELETE", "/" + id + "/tags", null).statusCode(204);
        api("2.26", "GET", "/" + id + "/tags", null).statusCode(200).body("tags", equalTo(List.of()));
        // not there before 2.26
        api("2.25", "GET", "/" + id + "/tags", null).statusCode(404);
    }

    @Test
    void aReplacementAfterSingleAdditionsIsKeptAsTempestChecksIt() {
        String id = given().header("OpenStack-API-Version", "compute 2.95").contentType("application/json")
                .body(Map.of("server", Map.of("name", "tagged", "flavorRef", "0", "imageRef", ServerRows.IMAGE_ID,
                        "networks", "none"))).post("/compute/v2.1/servers").then().statusCode(202).extract()
                .path("server.id");
        rows.set(id, "vm_state = 'active', task_state = null, host = 'tag-host'");
        api("2.26", "PUT", "/" + id + "/tags/one", null).statusCode(201);
        api("2.26", "PUT", "/" + id + "/tags/two", null).statusCode(201);
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tags", List.of("three", "four"))).statusCode(200)
                .body("tags", equalTo(List.of("three", "four")));
        api("2.26", "GET", "/" + id + "/tags", null).statusCode(200).body("tags", equalTo(List.of("three", "four")));
        // as the conductor leaves a deleted server: its quota back for the ITs that boot after this one
        rows.set(id, "vm_state = 'deleted', deleted_at = now()");
    }

    @Test
    void novasRefusals() {
        String id = activeServer(List.of());
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tags", List.of("a,b"))).statusCode(400);
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tags", List.of(""))).statusCode(400);
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tag", List.of("a"))).statusCode(400);
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add("t" + i);
        }
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("t50");
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tags", fiftyOne)).statusCode(400);
        api("2.26", "PUT", "/" + id + "/tags", Map.of("tags", fifty)).statusCode(200);
        api("2.26", "PUT", "/" + id + "/tags/t50", null).statusCode(400).body("badRequest.message",
                equalTo("The number of tags exceeded the per-server limit 50"));
        api("2.52", "POST", "", Map.of("server", Map.of("name", "t", "flavorRef", "0", "imageRef", IMAGE_ID,
                "networks", "none", "tags", List.of("x/y")))).statusCode(400);
        api("2.51", "POST", "", Map.of("server", Map.of("name", "t", "flavorRef", "0", "imageRef", IMAGE_ID,
                "networks", "none", "tags", List.of("x")))).statusCode(400);
        rows.set(id, "vm_state = 'error'");
        api("2.26", "PUT", "/" + id + "/tags/late", null).statusCode(409).body("conflictingRequest.message",
                equalTo("Cannot 'update tag' instance " + id + " while it is in vm_state error"));
    }

    @Test
    void theFourTagFiltersFrom226() {
        String ab = activeServer(List.of("filter-a", "filter-b"));
        String a = activeServer(List.of("filter-a", "it's \"quoted\""));
        String none = activeServer(List.of());
        api("2.26", "GET", "?tags=filter-a,filter-b", null).statusCode(200).body("servers.id", equalTo(List.of(ab)));
        api("2.26", "GET", "?tags-any=filter-b,it's \"quoted\"", null).statusCode(200)
                .body("servers.id", containsInAnyOrder(ab, a));
        api("2.26", "GET", "?not-tags=filter-a,filter-b", null).statusCode(200)
                .body("servers.id", hasItem(a)).body("servers.id", hasItem(none)).body("servers.id", not(hasItem(ab)));
        api("2.26", "GET", "?not-tags-any=filter-a", null).statusCode(200)
                .body("servers.id", hasItem(none)).body("servers.id", not(hasItem(a)));
        // before 2.26 Nova ignores them
        api("2.25", "GET", "?tags=filter-a,filter-b", null).statusCode(200).body("servers.id", hasItem(none));
    }
}

package io.windlass.aggregate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.windlass.testing.ComputeHostRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** os-aggregates against the real PostgreSQL, shapes compared with Nova's samples. */
@QuarkusTest
class AggregatesIT {
    private static final Path SAMPLES = Path.of("/work/shared/reference/nova/samples/os-aggregates");
    private static final String NOVA_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}";

    @Inject
    ComputeHostRows rows;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() {
        rows.clear();
        rows.insertHost("compute", 0);
        rows.insertHost("compute2", 0);
    }

    private static ValidatableResponse post(String version, String path, Object body) {
        var request = given().contentType("application/json").body(body);
        if (version != null) {
            request = request.header("OpenStack-API-Version", "compute " + version);
        }
        return request.when().post("/compute/v2.1/os-aggregates" + path).then();
    }

    private static int create(String name, String zone) {
        Map<String, Object> agg = zone == null ? Map.of("name", name) : Map.of("name", name, "availability_zone", zone);
        return post(null, "", Map.of("aggregate", agg)).statusCode(200).extract().path("aggregate.id");
    }

    private static ValidatableResponse action(int id, Object body) {
        return post(null, "/" + id + "/action", body);
    }

    private Set<String> sampleKeys(String dir, String file) throws Exception {
        Path sample = dir == null ? SAMPLES.resolve(file) : SAMPLES.resolve(dir).resolve(file);
        JsonNode node = json.readTree(Files.readString(sample));
        JsonNode inner = node.has("aggregate") ? node.get("aggregate") : node.get("aggregates").get(0);
        Set<String> keys = new TreeSet<>();
        inner.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> keysOf(Map<String, Object> view) {
        return new TreeSet<>(view.keySet());
    }

    @Test
    void shapesMatchNovaSamplesAt21And241And281() throws Exception {
        for (String[] v : new String[][]{{"2.1", null}, {"2.41", "v2.41"}, {"2.81", "v2.81"}}) {
            rows.clear();
            rows.insertHost("compute", 0);
            Map<String, Object> created = post(v[0], "", Map.of("aggregate",
                    Map.of("name", "name", "availability_zone", "london")))
                    .statusCode(200).extract().path("aggregate");
            assertEquals(sampleKeys(v[1], "aggregate-post-resp.json"), keysOf(created), v[0] + " create");
            int id = (Integer) created.get("id");
            Map<String, Object> shown = given().header("OpenStack-API-Version", "compute " + v[0])
                    .when().get("/compute/v2.1/os-aggregates/" + id).then().statusCode(200)
                    .extract().path("aggregate");
            assertEquals(sampleKeys(v[1], "aggregates-get-resp.json"), keysOf(shown), v[0] + " show");
            Map<String, Object> added = post(v[0], "/" + id + "/action", Map.of("add_host", Map.of("host", "compute")))
                    .statusCode(200).extract().path("aggregate");
            assertEquals(sampleKeys(v[1], "aggregates-add-host-post-resp.json"), keysOf(added), v[0] + " add");
            Map<String, Object> listed = given().header("OpenStack-API-Version", "compute " + v[0])
                    .when().get("/compute/v2.1/os-aggregates").then().statusCode(200)
                    .extract().path("aggregates[0]");
            assertEquals(sampleKeys(v[1], "aggregates-list-get-resp.json"), keysOf(listed), v[0] + " list");
            Map<String, Object> updated = given().header("OpenStack-API-Version", "compute " + v[0])
                    .contentType("application/json").body(Map.of("aggregate", Map.of("name", "newname")))
                    .when().put("/compute/v2.1/os-aggregates/" + id).then().statusCode(200)
                    .extract().path("aggregate");
            assertEquals(sampleKeys(v[1], "aggregate-update-post-resp.json"), keysOf(updated), v[0] + " update");
        }
    }

    @Test
    void lifecycleAsOpenstackClientDrivesIt() {
        ValidatableResponse created = post("2.81", "", Map.of("aggregate", Map.of("name", "agg1", "availability_zone", "az1")))
                .statusCode(200)
                .body("aggregate.availability_zone", equalTo("az1"))
                .body("aggregate.created_at", matchesPattern(NOVA_TIME))
                .body("aggregate.updated_at", nullValue())
                .body("aggregate.deleted", equalTo(false))
                .body("aggregate.uuid", matchesPattern("[0-9a-f-]{36}"));
        int id = created.extract().path("aggregate.id");

        action(id, Map.of("set_metadata", Map.of("metadata", Map.of("k", "v", "gone", "x")))).statusCode(200)
                .body("aggregate.metadata.availability_zone", equalTo("az1"))
                .body("aggregate.metadata.k", equalTo("v"))
                .body("aggregate.updated_at", matchesPattern(NOVA_TIME));
        Map<String, Object> unset = new java.util.HashMap<>();
        unset.put("gone", null);
        action(id, Map.of("set_metadata", Map.of("metadata", unset))).statusCode(200)
                .body("aggregate.metadata.gone", nullValue())
                .body("aggregate.metadata.k", equalTo("v"));
        action(id, Map.of("add_host", Map.of("host", "compute"))).statusCode(200)
                .body("aggregate.hosts", contains("compute"));
        given().when().get("/compute/v2.1/os-aggregates").then().statusCode(200)
                .body("aggregates", hasSize(1)).body("aggregates[0].hosts", contains("compute"));
        given().contentType("application/json").body(Map.of("aggregate", Map.of("availability_zone", "az2")))
                .when().put("/compute/v2.1/os-aggregates/" + id).then().statusCode(200)
                .body("aggregate.availability_zone", equalTo("az2"))
                .body("aggregate.metadata.availability_zone", equalTo("az2"));
        action(id, Map.of("remove_host", Map.of("host", "compute"))).statusCode(200)
                .body("aggregate.hosts", hasSize(0));
        given().when().delete("/compute/v2.1/os-aggregates/" + id).then().statusCode(200).body(emptyString());
        given().when().get("/compute/v2.1/os-aggregates/" + id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Aggregate " + id + " could not be found."));
    }

    @Test
    void errorCasesAnswerWithNovaFaults() {
        int id = create("agg1", "az1");
        post(null, "", Map.of("aggregate", Map.of("name", "agg1"))).statusCode(409)
                .body("conflictingRequest.message", equalTo("Aggregate agg1 already exists."));
        int other = create("agg2", null);
        given().contentType("application/json").body(Map.of("aggregate", Map.of("name", "agg1")))
                .when().put("/compute/v2.1/os-aggregates/" + other).then().statusCode(409)
                .body("conflictingRequest.code", equalTo(409));
        post(null, "", Map.of("aggregate", Map.of("name", " lead"))).statusCode(400)
                .body("badRequest.message", containsString("aggregate/name"));
        post(null, "", Map.of("aggregate", Map.of("name", "x", "availability_zone", "a:b"))).statusCode(400)
                .body("badRequest.message", containsString("aggregate/availability_zone"));
        post(null, "", Map.of("aggregate", Map.of("name", "x", "extra", 1))).statusCode(400)
                .body("badRequest.message", containsString("'extra' was unexpected"));
        given().contentType("application/json").body(Map.of("aggregate", Map.of()))
                .when().put("/compute/v2.1/os-aggregates/" + id).then().statusCode(400);
        given().contentType("application/json").body(Map.of("aggregate", Map.of("availability_zone", "")))
                .when().put("/compute/v2.1/os-aggregates/" + id).then().statusCode(400);
        given().when().get("/compute/v2.1/os-aggregates/abc").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input received: id must be an integer"));
        given().when().get("/compute/v2.1/os-aggregates/4242").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));

        action(id, Map.of("add_host", Map.of("host", "nohost"))).statusCode(404)
                .body("itemNotFound.message", equalTo("Compute host nohost could not be found."));
        action(id, Map.of("add_host", Map.of("host", "compute"))).statusCode(200);
        action(id, Map.of("add_host", Map.of("host", "compute"))).statusCode(409)
                .body("conflictingRequest.message", equalTo("Aggregate " + id + " already has host compute."));
        int az2 = create("agg3", "az2");
        action(az2, Map.of("add_host", Map.of("host", "compute"))).statusCode(409)
                .body("conflictingRequest.message", containsString("availability zone"));
        action(other, Map.of("add_host", Map.of("host", "compute"))).statusCode(200);
        action(other, Map.of("set_metadata", Map.of("metadata", Map.of("availability_zone", "az9")))).statusCode(400)
                .body("badRequest.message", containsString("availability zone"));
        action(id, Map.of("remove_host", Map.of("host", "compute2"))).statusCode(404)
                .body("itemNotFound.message", equalTo("Cannot remove host compute2 in aggregate " + id));
        given().when().delete("/compute/v2.1/os-aggregates/" + id).then().statusCode(400)
                .body("badRequest.message", containsString("Host aggregate is not empty"));
        action(4242, Map.of("add_host", Map.of("host", "compute"))).statusCode(404);

        action(id, Map.of("add_host", Map.of("host", "compute"), "remove_host", Map.of("host", "compute")))
                .statusCode(400).body("badRequest.message", containsString("add_host"));
        action(id, Map.of("frobnicate", Map.of())).statusCode(400)
                .body("badRequest.message", containsString("frobnicate"));
        action(id, Map.of("add_host", Map.of("hots", "compute"))).statusCode(400)
                .body("badRequest.message", containsString("'hots' was unexpected"));
        action(id, Map.of("set_metadata", Map.of("metadata", Map.of("k".repeat(256), "v")))).statusCode(400)
                .body("badRequest.message", containsString("set_metadata/metadata"));
        action(id, Map.of("set_metadata", Map.of("metadata", Map.of("k", "v".repeat(256))))).statusCode(400)
                .body("badRequest.message", containsString("set_metadata/metadata/k"));
        action(id, Map.of("set_metadata", Map.of("metadata", Map.of("k", 5)))).statusCode(400)
                .body("badRequest.message", containsString("set_metadata/metadata/k"));
        action(id, Map.of("set_metadata", Map.of("metadata", Map.of("bad/key", "v")))).statusCode(400)
                .body("badRequest.message", containsString("'bad/key' was unexpected"));
    }

    @Test
    void concurrentAddsOfTheSameHostLeaveOneMembershipAndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            int id = create("race" + round, null);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return action(id, Map.of("add_host", Map.of("host", "compute"))).extract().statusCode();
                }));
            }
            List<Integer> codes = calls.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(200, 409), codes);
            given().when().get("/compute/v2.1/os-aggregates/" + id).then().body("aggregate.hosts", contains("compute"));
        }
    }

    @Test
    void projectScopedRoutesWork() {
        given().contentType("application/json").body(Map.of("aggregate", Map.of("name", "scoped")))
                .when().post("/compute/v2.1/default/os-aggregates").then().statusCode(200)
                .body("aggregate.name", equalTo("scoped"));
    }
}

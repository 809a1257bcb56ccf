package io.windlass.flavor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flavors as the default (admin) context sees them: shapes against Nova's samples, microversions, validation. */
@QuarkusTest
class FlavorsIT {
    private static final Path SAMPLES = Path.of("/work/shared/reference/nova/samples/flavors");

    @Inject
    ObjectMapper json;

    private static io.restassured.specification.RequestSpecification at(String version) {
        var request = given().contentType("application/json");
        return version == null ? request : request.header("OpenStack-API-Version", "compute " + version);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse create(String version, Map<String, Object> flavor) {
        return at(version).body(Map.of("flavor", flavor)).when().post("/compute/v2.1/flavors").then();
    }

    private Set<String> sampleKeys(String file, String collection) throws Exception {
        JsonNode node = json.readTree(Files.readString(SAMPLES.resolve(file)));
        JsonNode inner = collection == null ? node.get("flavor") : node.get(collection).get(0);
        Set<String> keys = new TreeSet<>();
        inner.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theDefaultSetIsListedInNovasShapes() throws Exception {
        Map<String, Object> detail = at(null).when().get("/compute/v2.1/flavors/detail").then().statusCode(200)
                .body("flavors.name", hasItem("m1.tiny"))
                .extract().path("flavors.find { it.id == '1' }");
        assertEquals(sampleKeys("flavors-detail-resp.json", "flavors"), new TreeSet<>(detail.keySet()));
        assertEquals("", detail.get("swap"));
        assertEquals(128, detail.get("ram"));
        assertEquals(1.0f, ((Number) detail.get("rxtx_factor")).floatValue());

        Map<String, Object> basic = at(null).when().get("/compute/v2.1/flavors").then().statusCode(200)
                .extract().path("flavors.find { it.id == '1' }");
        assertEquals(sampleKeys("flavors-list-resp.json", "flavors"), new TreeSet<>(basic.keySet()));

        at(null).when().get("/compute/v2.1/flavors/1").then().statusCode(200)
                .body("flavor.name", equalTo("m1.tiny"))
                .body("flavor.vcpus", equalTo(1))
                .body("flavor.disk", equalTo(1))
                .body("flavor.'OS-FLV-DISABLED:disabled'", equalTo(false))
                .body("flavor.'OS-FLV-EXT-DATA:ephemeral'", equalTo(0))
                .body("flavor.'os-flavor-access:is_public'", equalTo(true))
                .body("flavor.links[0].rel", equalTo("self"))
                .body("flavor.links[0].href", endsWith("/compute/v2.1/flavors/1"))
                .body("flavor.links[1].rel", equalTo("bookmark"))
                .body("flavor.links[1].href", endsWith("/compute/flavors/1"));
        Map<String, Object> shown = at(null).when().get("/compute/v2.1/flavors/1").then().extract().path("flavor");
        assertEquals(sampleKeys("flavor-get-resp.json", null), new TreeSet<>(shown.keySet()));
    }

    @Test
    void theProjectFormOfTheUrlServesTheSameFlavor() {
        at(null).when().get("/compute/v2.1/default/flavors/2").then().statusCode(200)
                .body("flavor.name", equalTo("m1.small"));
    }

    @Test
    void microversionsAddDescriptionExtraSpecsAndNumericSwap() {
        String name = unique("mv");
        String id = create("2.55", Map.of("name", name, "ram", 64, "vcpus", 1, "disk", 0, "description", "tiny one"))
                .statusCode(200)
                .body("flavor.description", equalTo("tiny one"))
                .body("flavor", not(hasKey("extra_specs")))
                .extract().path("flavor.id");
        at(null).body(Map.of("extra_specs", Map.of("hw:cpu_policy", "shared", "n", 2, "b", true)))
                .when().post("/compute/v2.1/flavors/" + id + "/os-extra_specs").then().statusCode(200)
                .body("extra_specs.n", equalTo("2"))
                .body("extra_specs.b", equalTo("True"));

        at("2.54").when().get("/compute/v2.1/flavors/" + id).then().statusCode(200)
                .body("flavor", not(hasKey("description")));
        at("2.61").when().get("/compute/v2.1/flavors/" + id).then().statusCode(200)
                .body("flavor.extra_specs.'hw:cpu_policy'", equalTo("shared"))
                .body("flavor.swap", equalTo(""));
        at("2.75").when().get("/compute/v2.1/flavors/" + id).then().statusCode(200)
                .body("flavor.swap", equalTo(0));
        at("2.61").when().get("/compute/v2.1/flavors?is_public=None").then().statusCode(200)
                .body("flavors.find { it.id == '" + id + "' }.description", equalTo("tiny one"))
                .body("flavors.find { it.id == '" + id + "' }", not(hasKey("extra_specs")));

        at("2.55").body(Map.of("flavor", Map.of("description", "changed"))).when()
                .put("/compute/v2.1/flavors/" + id).then().statusCode(200)
                .body("flavor.description", equalTo("changed"));
        at("2.54").body(Map.of("flavor", Map.of("description", "x"))).when()
                .put("/compute/v2.1/flavors/" + id).then().statusCode(404);
        // description before 2.55 is an unknown property
        create("2.54", Map.of("name", unique("old"), "ram", 64, "vcpus", 1, "disk", 0, "description", "x"))
                .statusCode(400).body("badRequest.message", containsString("'description' was unexpected"));
    }

    @Test
    void createGeneratesAnIdAndRefusesDuplicates() {
        String name = unique("dup");
        String id = create(null, Map.of("name", name, "ram", "256", "vcpus", 2, "disk", 3,
                "OS-FLV-EXT-DATA:ephemeral", 1, "swap", 32, "rxtx_factor", 2.5,
                "os-flavor-access:is_public", "false"))
                .statusCode(200)
                .body("flavor.ram", equalTo(256))
                .body("flavor.swap", equalTo(32))
                .body("flavor.'OS-FLV-EXT-DATA:ephemeral'", equalTo(1))
                .body("flavor.rxtx_factor", equalTo(2.5f))
                .body("flavor.'os-flavor-access:is_public'", equalTo(false))
                .extract().path("flavor.id");
        assertEquals(UUID.fromString(id).toString(), id);

        create(null, Map.of("name", name, "ram", 64, "vcpus", 1, "disk", 0)).statusCode(409)
                .body("conflictingRequest.message", equalTo("Flavor with name " + name + " already exists."));
        create(null, Map.of("name", unique("other"), "id", id, "ram", 64, "vcpus", 1, "disk", 0)).statusCode(409)
                .body("conflictingRequest.message", equalTo("Flavor with ID " + id + " already exists."));
        create(null, Map.of("name", unique("given"), "id", 4711, "ram", 64, "vcpus", 1, "disk", 0)).statusCode(200)
                .body("flavor.id", equalTo("4711"));

        at(null).when().delete("/compute/v2.1/flavors/" + id).then().statusCode(202);
        at(null).when().get("/compute/v2.1/flavors/" + id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Flavor " + id + " could not be found."));
        at(null).when().delete("/compute/v2.1/flavors/" + id).then().statusCode(404);
    }

    @Test
    void badCreateBodiesNameTheField() {
        create(null, Map.of("ram", 64, "vcpus", 1, "disk", 0)).statusCode(400)
                .body("badRequest.message", containsString("'name' is a required property"));
        create(null, Map.of("name", "x", "ram", 0, "vcpus", 1, "disk", 0)).statusCode(400)
                .body("badRequest.message", containsString("flavor/ram"));
        create(null, Map.of("name", "x", "ram", 64, "vcpus", "two", "disk", 0)).statusCode(400)
                .body("badRequest.message", containsString("flavor/vcpus"));
        create(null, Map.of("name", "x", "ram", 64, "vcpus", 1, "disk", -1)).statusCode(400)
                .body("badRequest.message", containsString("flavor/disk"));
        create(null, Map.of("name", " x", "ram", 64, "vcpus", 1, "disk", 0)).statusCode(400)
                .body("badRequest.message", containsString("flavor/name"));
        create(null, Map.of("name", "x", "id", "a/b", "ram", 64, "vcpus", 1, "disk", 0)).statusCode(400)
                .body("badRequest.message", containsString("flavor/id"));
        create(null, Map.of("name", "x", "ram", 64, "vcpus", 1, "disk", 0, "rxtx_factor", 0)).statusCode(400)
                .body("badRequest.message", containsString("flavor/rxtx_factor"));
        create(null, Map.of("name", "x", "ram", 64, "vcpus", 1, "disk", 0, "os-flavor-access:is_public", "maybe"))
                .statusCode(400).body("badRequest.message", containsString("flavor/os-flavor-access:is_public"));
        create(null, Map.of("name", "x", "ram", 3_000_000_000L, "vcpus", 1, "disk", 0)).statusCode(400)
                .body("badRequest.message", containsString("flavor/ram"));
        create(null, Map.of("name", "x", "ram", 64, "vcpus", 1, "disk", 0, "colour", "red")).statusCode(400)
                .body("badRequest.message", containsString("'colour' was unexpected"));
        at(null).body("{\"flavor\": ").when().post("/compute/v2.1/flavors").then().statusCode(400)
                .body("badRequest.message", equalTo("Malformed request body"));
    }

    @Test
    void filtersSortingAndPagination() {
        at(null).when().get("/compute/v2.1/flavors?minRam=1000").then().statusCode(200)
                .body("flavors.name", contains("m1.medium", "m1.large"));
        at(null).when().get("/compute/v2.1/flavors/detail?minDisk=10&sort_key=memory_mb&sort_dir=desc").then()
                .statusCode(200).body("flavors.name", contains("m1.large", "m1.medium"));
        at(null).when().get("/compute/v2.1/flavors?minRam=lots").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid minRam filter [lots]"));
        at(null).when().get("/compute/v2.1/flavors?is_public=perhaps").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid is_public filter [perhaps]"));
        at(null).when().get("/compute/v2.1/flavors?sort_key=colour").then().statusCode(400)
                .body("badRequest.message", containsString("sort_key"));
        at(null).when().get("/compute/v2.1/flavors?marker=nope").then().statusCode(400)
                .body("badRequest.message", equalTo("marker [nope] not found"));
        at(null).when().get("/compute/v2.1/flavors?limit=-1").then().statusCode(400)
                .body("badRequest.message", equalTo("limit param must be positive"));

        // pages of two over the default set, by flavor id: 0 1 | 2 3 | 4 ...
        ValidatableResponse first = at(null).when().get("/compute/v2.1/flavors/detail?limit=2&minDisk=1&sort_key=flavorid")
                .then().statusCode(200).body("flavors.id", contains("0", "1"))
                .body("flavors_links[0].rel", equalTo("next"))
                .body("flavors_links[0].href", matchesPattern(".*/compute/v2.1/flavors/detail\\?.*marker=1.*"));
        String next = first.extract().path("flavors_links[0].href");
        String query = next.substring(next.indexOf('?'));
        at(null).when().get("/compute/v2.1/flavors/detail" + query).then().statusCode(200)
                .body("flavors.id", contains("2", "3"));
        at(null).when().get("/compute/v2.1/flavors?limit=1000").then().statusCode(200)
                .body("$", not(hasKey("flavors_links")));
    }

    @Test
    void extraSpecsOneByOne() {
        String id = create(null, Map.of("name", unique("specs"), "ram", 64, "vcpus", 1, "disk", 0))
                .statusCode(200).extract().path("flavor.id");
        String base = "/compute/v2.1/flavors/" + id + "/os-extra_specs";
        at(null).when().get(base).then().statusCode(200).body("extra_specs", equalTo(Map.of()));
        at(null).body(Map.of("extra_specs", Map.of("a", "1", "b", "2"))).when().post(base).then().statusCode(200);
        at(null).body(Map.of("a", "10")).when().put(base + "/a").then().statusCode(200).body("a", equalTo("10"));
        at(null).body(Map.of("b", "10")).when().put(base + "/a").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        at(null).body(Map.of("a", "1", "b", "2")).when().put(base + "/a").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body contains too many items"));
        at(null).when().get(base + "/a").then().statusCode(200).body("a", equalTo("10"));
        at(null).when().delete(base + "/b").then().statusCode(200);
        at(null).when().get(base + "/b").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Flavor " + id + " has no extra specs with key b."));
        at(null).when().delete(base + "/b").then().statusCode(404);
        at(null).when().get(base).then().statusCode(200).body("extra_specs", equalTo(Map.of("a", "10")));
        at(null).body(Map.of("extra_specs", Map.of("bad$key", "1"))).when().post(base).then().statusCode(400)
                .body("badRequest.message", containsString("extra_specs"));
        at(null).body(Map.of("extra_specs", Map.of("long", "x".repeat(256)))).when().post(base).then()
                .statusCode(400).body("badRequest.message", containsString("extra_specs/long"));
        at(null).when().get("/compute/v2.1/flavors/nope/os-extra_specs").then().statusCode(404);
    }

    @Test
    void accessListsOfPrivateFlavors() {
        String id = create(null, Map.of("name", unique("priv"), "ram", 64, "vcpus", 1, "disk", 0,
                "os-flavor-access:is_public", false)).statusCode(200).extract().path("flavor.id");
        String access = "/compute/v2.1/flavors/" + id + "/os-flavor-access";
        String action = "/compute/v2.1/flavors/" + id + "/action";
        at(null).when().get(access).then().statusCode(200).body("flavor_access", hasSize(0));
        at(null).body(Map.of("addTenantAccess", Map.of("tenant", "p1"))).when().post(action).then().statusCode(200)
                .body("flavor_access", equalTo(List.of(Map.of("flavor_id", id, "tenant_id", "p1"))));
        at(null).body(Map.of("addTenantAccess", Map.of("tenant", "p1"))).when().post(action).then().statusCode(409);
        at(null).body(Map.of("removeTenantAccess", Map.of("tenant", "p2"))).when().post(action).then()
                .statusCode(404);
        at(null).body(Map.of("removeTenantAccess", Map.of("tenant", "p1"))).when().post(action).then()
                .statusCode(200).body("flavor_access", hasSize(0));
        at(null).body(Map.of("addTenantAccess", Map.of())).when().post(action).then().statusCode(400)
                .body("badRequest.message", containsString("'tenant' is a required property"));
        at(null).body(Map.of("fly", Map.of())).when().post(action).then().statusCode(400);

        at(null).when().get("/compute/v2.1/flavors/1/os-flavor-access").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Access list not available for public flavors."));
        at(null).body(Map.of("addTenantAccess", Map.of("tenant", "p1"))).when()
                .post("/compute/v2.1/flavors/1/action").then().statusCode(409);

        // an admin lists public only by default, private with False, all with None
        at(null).when().get("/compute/v2.1/flavors").then().body("flavors.id", not(hasItem(id)));
        at(null).when().get("/compute/v2.1/flavors?is_public=False").then().body("flavors.id", hasItem(id))
                .body("flavors.id", not(hasItem("1")));
        at(null).when().get("/compute/v2.1/flavors?is_public=None").then().body("flavors.id", hasItem(id))
                .body("flavors.id", hasItem("1"));
    }

    @Test
    void descriptionIsNullUntilSet() {
        at("2.55").when().get("/compute/v2.1/flavors/1").then().statusCode(200)
                .body("flavor.description", nullValue());
    }
}

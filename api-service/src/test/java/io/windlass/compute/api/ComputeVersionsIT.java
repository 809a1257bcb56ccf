package io.windlass.compute.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Compute version discovery, microversion negotiation and Nova fault bodies. */
@QuarkusTest
class ComputeVersionsIT {

    @Test
    void rootListsV20ThenV21() {
        given().when().get("/compute")
                .then().statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[0].id", equalTo("v2.0"))
                .body("versions[0].status", equalTo("SUPPORTED"))
                .body("versions[0].version", equalTo(""))
                .body("versions[0].min_version", equalTo(""))
                .body("versions[0].updated", equalTo("2011-01-21T11:33:21Z"))
                .body("versions[0].links[0].href", endsWith("/compute/v2/"))
                .body("versions[1].id", equalTo("v2.1"))
                .body("versions[1].status", equalTo("CURRENT"))
                .body("versions[1].version", equalTo("2.100"))
                .body("versions[1].min_version", equalTo("2.1"))
                .body("versions[1].updated", equalTo("2013-07-23T11:33:21Z"))
                .body("versions[1].links[0].rel", equalTo("self"))
                .body("versions[1].links[0].href", endsWith("/compute/v2.1/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/compute/v2", "/compute/v2/"})
    void v20DocumentAnswersDirectly(String path) {
        given().redirects().follow(false).when().get(path)
                .then().statusCode(200)
                .body("version.id", equalTo("v2.0"))
                .body("version.version", equalTo(""))
                .body("version.links[0].href", endsWith("/compute/v2/"))
                .body("version.'media-types'[0].type", equalTo("application/vnd.openstack.compute+json;version=2"));
    }

    /** Nova's LegacyV2CompatibleWrapper: v2.1's routes, no microversions, undeclared members dropped. */
    @Test
    void v2ServesTheV21RoutesAtTheBaseVersionWithUndeclaredMembersDropped() {
        String name = "legacy-v2-" + System.nanoTime();
        String body = "{\"aggregate\": {\"name\": \"" + name + "\", \"not_in_nova\": 1}}";
        given().contentType("application/json").body(body).when().post("/compute/v2.1/os-aggregates")
                .then().statusCode(400).body("badRequest.message",
                        containsString("Additional properties are not allowed ('not_in_nova' was unexpected)"));
        int id = given().contentType("application/json").header("OpenStack-API-Version", "compute 2.41")
                .body(body).when().post("/compute/v2/default/os-aggregates")
                .then().statusCode(200)
                .header("OpenStack-API-Version", nullValue())
                .header("Vary", nullValue())
                .body("aggregate.name", equalTo(name))
                // served at the base version whatever the header says: no 2.41 uuid
                .body("aggregate.uuid", nullValue())
                .extract().path("aggregate.id");
        given().when().get("/compute/v2/os-aggregates/" + id).then().statusCode(200)
                .body("aggregate.name", equalTo(name));
        given().when().delete("/compute/v2/default/os-aggregates/" + id).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/compute/v2.1", "/compute/v2.1/"})
    void v21DocumentAnswersDirectly(String path) {
        given().redirects().follow(false).when().get(path)
                .then().statusCode(200)
                .body("version.id", equalTo("v2.1"))
                .body("version.version", equalTo("2.100"))
                .body("version.min_version", equalTo("2.1"))
                .body("version.links.rel", org.hamcrest.Matchers.contains("self", "describedby"))
                .body("version.'media-types'[0].type", equalTo("application/vnd.openstack.compute+json;version=2.1"));
    }

    @Test
    void absentHeaderIs21AndBothHeadersAreAnswered() {
        given().when().get("/compute/v2.1/os-aggregates")
                .then().statusCode(200)
                .header("OpenStack-API-Version", equalTo("compute 2.1"))
                .header("X-OpenStack-Nova-API-Version", equalTo("2.1"))
                .header("Vary", equalTo("OpenStack-API-Version, X-OpenStack-Nova-API-Version"));
    }

    @Test
    void modernLegacyAndLatest() {
        given().header("OpenStack-API-Version", "compute 2.41").when().get("/compute/v2.1/os-aggregates")
                .then().statusCode(200).header("OpenStack-API-Version", equalTo("compute 2.41"));
        given().header("X-OpenStack-Nova-API-Version", "2.53").when().get("/compute/v2.1/os-aggregates")
                .then().statusCode(200).header("X-OpenStack-Nova-API-Version", equalTo("2.53"));
        given().header("OpenStack-API-Version", "compute latest").when().get("/compute/v2.1/os-aggregates")
                .then().statusCode(200).header("OpenStack-API-Version", equalTo("compute 2.100"));
    }

    @Test
    void malformedIs400() {
        given().header("OpenStack-API-Version", "compute 2.x").when().get("/compute/v2.1/os-aggregates")
                .then().statusCode(400)
                .header("Vary", equalTo("OpenStack-API-Version, X-OpenStack-Nova-API-Version"))
                .body("badRequest.code", equalTo(400))
                .body("badRequest.message", equalTo(
                        "API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum."));
    }

    @Test
    void outOfRangeIs406() {
        given().header("X-OpenStack-Nova-API-Version", "2.101").when().get("/compute/v2.1/os-aggregates")
                .then().statusCode(406)
                .body("computeFault.code", equalTo(406))
                .body("computeFault.message", equalTo(
                        "Version 2.101 is not supported by the API. Minimum is 2.1 and maximum is 2.100."));
    }

    @Test
    void faultsCarryTheVersionHeaders() {
        given().header("OpenStack-API-Version", "compute 2.81").when().get("/compute/v2.1/os-aggregates/999")
                .then().statusCode(404)
                .header("OpenStack-API-Version", equalTo("compute 2.81"))
                .header("Vary", equalTo("OpenStack-API-Version, X-OpenStack-Nova-API-Version"))
                .body("itemNotFound.code", equalTo(404))
                .body("itemNotFound.message", equalTo("Aggregate 999 could not be found."));
    }

    @Test
    void frameworkErrorsUseNovaFaults() {
        given().when().get("/compute/v2.1/no-such-thing")
                .then().statusCode(404).body("itemNotFound.code", equalTo(404));
        given().when().patch("/compute/v2.1/os-aggregates")
                .then().statusCode(405).body("badMethod.code", equalTo(405));
        given().contentType("application/json").body("{\"aggregate\":")
                .when().post("/compute/v2.1/os-aggregates")
                .then().statusCode(400).body("badRequest.message", equalTo("Malformed request body"));
        given().contentType("text/plain").body("x")
                .when().post("/compute/v2.1/os-aggregates")
                .then().statusCode(415).body("badMediaType.code", equalTo(415));
    }

    @Test
    void projectSegmentRoutesLikeThePlainFormAndMustMatch() {
        given().when().get("/compute/v2.1/default/os-aggregates")
                .then().statusCode(200).body("aggregates", hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(0)));
        given().when().get("/compute/v2.1/0123abcd/os-aggregates")
                .then().statusCode(400)
                .body("badRequest.message", startsWith("Malformed request URL: URL's project_id '0123abcd' "
                        + "doesn't match Context's project_id 'default'"));
    }

    @Test
    void zunPathsKeepZunErrors() {
        given().when().get("/container/v1/nothing-here")
                .then().statusCode(404).body("errors[0].code", equalTo("container.not-found"))
                .body("itemNotFound", nullValue());
    }
}

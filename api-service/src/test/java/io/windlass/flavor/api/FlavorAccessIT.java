package io.windlass.flavor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.context.RequestContext;
import io.windlass.flavor.persistence.FlavorRecord;
import io.windlass.flavor.service.FlavorLookup;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees which flavor, with real tokens for an admin and members of two projects. */
@QuarkusTest
@TestProfile(RealTokens.class)
class FlavorAccessIT {
    @Inject
    FlavorLookup lookup;

    private record Member(String projectId, String token) {
    }

    private static Member member(String admin) {
        String name = Keystone.unique("fl");
        String projectId = Keystone.createProject(admin, name);
        Keystone.createUser(admin, name, "pw", projectId, "member");
        return new Member(projectId, Keystone.token(name, "pw", name));
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.61")
                .contentType("application/json");
    }

    @Test
    void privateFlavorsAreVisibleOnlyToProjectsOnTheirAccessList() {
        String admin = Keystone.adminToken();
        Member a = member(admin);
        Member b = member(admin);
        String name = Keystone.unique("private");
        String id = as(admin).body(Map.of("flavor", Map.of("name", name, "ram", 64, "vcpus", 1, "disk", 0,
                        "os-flavor-access:is_public", false)))
                .when().post("/compute/v2.1/flavors").then().statusCode(200).extract().path("flavor.id");
        as(admin).body(Map.of("extra_specs", Map.of("color", "blue"))).when()
                .post("/compute/v2.1/flavors/" + id + "/os-extra_specs").then().statusCode(200);

        // nobody but the admin sees it yet, and hidden means not found
        for (Member m : List.of(a, b)) {
            as(m.token()).when().get("/compute/v2.1/flavors/detail?is_public=None").then().statusCode(200)
                    .body("flavors.id", not(hasItem(id))).body("flavors.id", hasItem("1"));
            as(m.token()).when().get("/compute/v2.1/flavors/" + id).then().statusCode(404);
            as(m.token()).when().get("/compute/v2.1/flavors/" + id + "/os-extra_specs").then().statusCode(404);
        }

        as(admin).body(Map.of("addTenantAccess", Map.of("tenant", a.projectId()))).when()
                .post("/compute/v2.1/flavors/" + id + "/action").then().statusCode(200);

        // the project on the list sees it (extra specs embedded at 2.61, anyone may read them)...
        as(a.token()).when().get("/compute/v2.1/flavors/detail").then().statusCode(200)
                .body("flavors.find { it.id == '" + id + "' }.extra_specs.color", equalTo("blue"));
        as(a.token()).when().get("/compute/v2.1/flavors/" + id).then().statusCode(200)
                .body("flavor.name", equalTo(name));
        // ...through the project form of the URL too
        as(a.token()).when().get("/compute/v2.1/" + a.projectId() + "/flavors/" + id).then().statusCode(200);
        // ...and the other project still does not
        as(b.token()).when().get("/compute/v2.1/flavors/" + id).then().statusCode(404);
        as(b.token()).when().get("/compute/v2.1/flavors").then().body("flavors.id", not(hasItem(id)));

        // what a server boot resolves, by id or by URL
        RequestContext ctxA = new RequestContext("req-1", "req-1", "u", a.projectId(), List.of("member"));
        RequestContext ctxB = new RequestContext("req-2", "req-2", "u", b.projectId(), List.of("member"));
        assertEquals(Optional.of(id), lookup.findForBoot(id, ctxA).map(FlavorRecord::flavorId));
        assertEquals(Optional.of(id), lookup.findForBoot("http://h/compute/v2.1/flavors/" + id, ctxA)
                .map(FlavorRecord::flavorId));
        assertTrue(lookup.findForBoot(id, ctxB).isEmpty());
        assertEquals(Optional.of("1"), lookup.findForBoot("1", ctxB).map(FlavorRecord::flavorId));
        assertTrue(lookup.findForBoot("nope", ctxA).isEmpty());
    }

    @Test
    void membersMayNotChangeFlavorsNorReadAccessLists() {
        String admin = Keystone.adminToken();
        Member m = member(admin);
        as(m.token()).body(Map.of("flavor", Map.of("name", Keystone.unique("mine"), "ram", 64, "vcpus", 1,
                "disk", 0))).when().post("/compute/v2.1/flavors").then().statusCode(403)
                .body("forbidden.message", equalTo(
                        "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed."));
        as(m.token()).when().delete("/compute/v2.1/flavors/1").then().statusCode(403);
        as(m.token()).body(Map.of("extra_specs", Map.of("a", "b"))).when()
                .post("/compute/v2.1/flavors/1/os-extra_specs").then().statusCode(403);
        as(m.token()).when().get("/compute/v2.1/flavors/1/os-extra_specs").then().statusCode(200);
        as(m.token()).when().get("/compute/v2.1/flavors/1/os-flavor-access").then().statusCode(403);
        as(m.token()).body(Map.of("addTenantAccess", Map.of("tenant", m.projectId()))).when()
                .post("/compute/v2.1/flavors/1/action").then().statusCode(403);
        given().when().get("/compute/v2.1/flavors").then().statusCode(401);
    }

    @Test
    void theImageApiNeedsATokenExceptForItsVersionDocument() {
        given().when().get("/image").then().statusCode(300);
        given().when().get("/image/versions").then().statusCode(200);
        given().when().get("/image/v2/images").then().statusCode(401)
                .body(equalTo("401 Unauthorized\n\nThe request you have made requires authentication.\n"));
        given().header("X-Auth-Token", Keystone.adminToken()).when().get("/image/v2/images").then().statusCode(200);
    }
}

package io.windlass.identity.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windlass.testing.Keystone;
import io.windlass.testing.RealTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The onboarding calls {@code openstack project/user/role} make, and who may make them. */
@QuarkusTest
@TestProfile(RealTokens.class)
class IdentityAdminIT {

    @Test
    void onboardATenantTheWayTheCliDoes() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("demo");
        String projectId = Keystone.createProject(admin, name);
        // name look-up pattern: GET by the literal name is 404 (Keystone body), then ?name=
        given().header("X-Auth-Token", admin).when().get("/v3/projects/" + name).then().statusCode(404)
                .body("error.code", equalTo(404)).body("error.title", equalTo("Not Found"))
                .body("error.message", equalTo("Could not find project: " + name + "."));
        given().header("X-Auth-Token", admin).queryParam("name", name).when().get("/identity/v3/projects")
                .then().statusCode(200).body("projects", hasSize(1)).body("projects[0].id", equalTo(projectId))
                .body("links.next", nullValue());
        given().header("X-Auth-Token", admin).queryParam("name", "Default").when().get("/v3/domains")
                .then().statusCode(200).body("domains[0].id", equalTo("default"));
        given().header("X-Auth-Token", admin).queryParam("name", "member").when().get("/v3/roles/member")
                .then().statusCode(404);

        String userId = Keystone.createUser(admin, name, "pw", projectId, "member");
        given().header("X-Auth-Token", admin).when().get("/v3/users/" + userId).then().statusCode(200)
                .body("user.default_project_id", equalTo(projectId)).body("user", org.hamcrest.Matchers
                        .not(org.hamcrest.Matchers.hasKey("password")));
        Keystone.issue(name, "pw", name).then().statusCode(201)
                .body("token.roles.name", org.hamcrest.Matchers.containsInAnyOrder("member", "reader"));

        // a member may not administer identity
        String member = Keystone.token(name, "pw", name);
        given().header("X-Auth-Token", member).when().get("/v3/projects").then().statusCode(403)
                .body("error.title", equalTo("Forbidden"));
        given().header("X-Auth-Token", member).contentType("application/json")
                .body("{\"project\": {\"name\": \"x\"}}").when().post("/v3/projects").then().statusCode(403);

        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"project\": {\"name\": \"" + name + "\"}}").when().post("/v3/projects").then().statusCode(409);
        given().header("X-Auth-Token", admin).when().delete("/v3/users/" + userId).then().statusCode(204);
        given().header("X-Auth-Token", admin).when().delete("/v3/projects/" + projectId).then().statusCode(204);
        given().header("X-Auth-Token", admin).when().get("/v3/projects/" + projectId).then().statusCode(404);
        Keystone.issue(name, "pw", name).then().statusCode(401);
    }

    @Test
    void revokingTheOnlyRoleRemovesAccess() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("revoke");
        String projectId = Keystone.createProject(admin, name);
        String userId = Keystone.createUser(admin, name, "pw", projectId, "reader");
        String roleId = given().header("X-Auth-Token", admin).queryParam("name", "reader")
                .when().get("/v3/roles").then().extract().path("roles[0].id");
        given().header("X-Auth-Token", admin).when().get("/v3/role_assignments?user.id=" + userId)
                .then().statusCode(200).body("role_assignments", hasSize(1));
        given().header("X-Auth-Token", admin)
                .when().delete("/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId)
                .then().statusCode(204);
        Keystone.issue(name, "pw", name).then().statusCode(401);
    }

    @Test
    void identityBodiesAreCheckedAndNothingIsAcceptedSilently() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("strict");
        String projectId = Keystone.createProject(admin, name);
        String userId = Keystone.createUser(admin, name, "pw", projectId, "member");

        // Keystone's booleans are JSON booleans: "False" must not leave the user enabled behind a 200
        patch(admin, "/v3/users/" + userId, "{\"user\": {\"enabled\": \"False\"}}").statusCode(400)
                .body("error.message", equalTo("Invalid input for field 'user/enabled': 'False' is not of type "
                        + "'boolean'"));
        Keystone.issue(name, "pw", name).then().statusCode(201);
        patch(admin, "/v3/users/" + userId, "{\"user\": {\"id\": \"someone-else\"}}").statusCode(400)
                .body("error.message", equalTo("Cannot change ID"));
        // what Keystone has no column for is kept as an extra attribute and shown back (Tempest's users
        // carry email and project_id)
        patch(admin, "/v3/users/" + userId, "{\"user\": {\"nickname\": \"x\", \"email\": \"x@example.org\"}}")
                .statusCode(200).body("user.nickname", equalTo("x")).body("user.email", equalTo("x@example.org"));
        given().header("X-Auth-Token", admin).get("/v3/users/" + userId).then().statusCode(200)
                .body("user.nickname", equalTo("x"));
        patch(admin, "/v3/users/" + userId, "{\"user\": {}}").statusCode(400);
        patch(admin, "/v3/projects/" + projectId, "{\"project\": {\"parent_id\": \"" + projectId + "\"}}")
                .statusCode(400).body("error.message", equalTo("Update of `parent_id` is not allowed."));
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"project\": {\"name\": \"" + name + "-child\", \"is_domain\": true}}")
                .when().post("/v3/projects").then().statusCode(400)
                .body("error.message", equalTo("Projects acting as domains are not supported."));
        given().header("X-Auth-Token", admin).contentType("application/json")
                .body("{\"project\": {\"name\": \"" + name + "-child\", \"parent_id\": \"" + projectId + "\"}}")
                .when().post("/v3/projects").then().statusCode(400)
                .body("error.message", equalTo("Project hierarchies are not supported: parent_id must be null."));
        given().header("X-Auth-Token", admin).queryParam("name", name + "-child").when().get("/v3/projects")
                .then().statusCode(200).body("projects", hasSize(0));

        patch(admin, "/v3/users/" + userId, "{\"user\": {\"id\": \"" + userId + "\", \"enabled\": false}}")
                .statusCode(200).body("user.enabled", equalTo(false));
        Keystone.issue(name, "pw", name).then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse patch(String token, String path, String body) {
        return given().header("X-Auth-Token", token).contentType("application/json").body(body)
                .when().patch(path).then();
    }
}
